// The header's sign-in: a development token pasted once, kept in sessionStorage for this tab.
import { setToken, token, tokenSubject, onTokenChange } from './api.js';

export function mountSignIn(root) {
  root.innerHTML = `
    <form id="signin" class="signin" autocomplete="off">
      <span id="signed-in-as" class="who"></span>
      <input id="token" name="token" type="password" placeholder="Paste a development bearer token" aria-label="Bearer token">
      <button id="sign-in" type="submit">Sign in</button>
      <button id="sign-out" type="button">Sign out</button>
    </form>`;
  const form = root.querySelector('#signin');
  const input = root.querySelector('#token');
  const who = root.querySelector('#signed-in-as');
  const signOut = root.querySelector('#sign-out');
  function show() {
    const signedIn = token() !== '';
    who.textContent = signedIn ? 'Signed in as ' + (tokenSubject() || 'token holder') : 'Not signed in';
    input.hidden = signedIn;
    form.querySelector('#sign-in').hidden = signedIn;
    signOut.hidden = !signedIn;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setToken(input.value);
    input.value = '';
  });
  signOut.addEventListener('click', () => setToken(''));
  onTokenChange(show);
  show();
}
