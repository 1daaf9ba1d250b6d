package org.graftwatch.local;

/**
 * The program {@link ChildJvmTest} runs in a child JVM. Arguments are steps: {@code print:<text>},
 * {@code exit:<code>}, {@code sleep} (until killed), {@code on-term:<text>} (a shutdown hook printing text),
 * {@code ignore-term} (a shutdown hook that never returns, so only SIGKILL ends the JVM).
 */
public final class ScriptedChild {

    public static void main(String[] args) throws InterruptedException {
        for (String step : args) {
            if (step.startsWith("print:")) {
                System.out.println(step.substring("print:".length()));
            } else if (step.startsWith("exit:")) {
                System.exit(Integer.parseInt(step.substring("exit:".length())));
            } else if (step.startsWith("on-term:")) {
                String text = step.substring("on-term:".length());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(text)));
            } else if (step.equals("ignore-term")) {
                Runtime.getRuntime().addShutdownHook(new Thread(ScriptedChild::sleepForever));
            } else if (step.equals("sleep")) {
                sleepForever();
            } else {
                throw new IllegalArgumentException("unknown step " + step);
            }
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
