package org.graftwatch.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a detector concluded, on {@link Topics#FINDINGS}: the state of one clinical episode of one rule.
 * A detector publishes a finding when an episode starts and again whenever it changes (new evidence, a later
 * onset after a correction, its end); the alerts service turns each episode into one alert.
 *
 * @param episodeId         stable id of the clinical episode; the alert id derives from it
 * @param patientId         whom it concerns (also the record key)
 * @param caseId            the transplant case, when registered
 * @param kind              the alert kind the episode raises
 * @param severity          per the criteria
 * @param state             whether the episode holds, has ended, or was withdrawn because its evidence went away
 * @param onsetAt           event time at which the criterion was met
 * @param dayPostTransplant day +N of the onset, when a transplant is registered
 * @param rule              the rule and its version
 * @param summary           one sentence a clinician can act on
 * @param evidence          the observations that made it true
 * @param supersedes        episode id of an earlier, related episode that this one replaces
 * @param detectedAt        when the detector concluded it
 * @param detector          the service that concluded it
 */
public record Finding(
        String episodeId,
        String patientId,
        String caseId,
        AlertKind kind,
        Severity severity,
        State state,
        Instant onsetAt,
        Integer dayPostTransplant,
        RuleRef rule,
        String summary,
        List<Evidence> evidence,
        String supersedes,
        Instant detectedAt,
        String detector) {

    public enum State { ACTIVE, ENDED, WITHDRAWN }

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A stable episode id from the parts that name an episode (patient, rule, anchor such as day 0). */
    public static String episodeIdFor(String patientId, String ruleId, String anchor) {
        return UUID.nameUUIDFromBytes((patientId + "\n" + ruleId + "\n" + anchor).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
