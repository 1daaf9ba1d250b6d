package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the graft rules read of one patient: the treatments and the bounded series, in any order.
 *
 * @param transplants          every HSCT, in date order
 * @param carTDays             day 0 of every CAR-T infusion, in date order
 * @param clinicalNow          the latest event time seen for the patient (records arrive continuously, so deadlines are
 *                             judged on clinical time, not the wall clock); null before any observation
 * @param reportedUntil        the event time up to which every active sender has reported (results before it are
 *                             all in); null when not tracked, i.e. everything is in
 */
public record GraftHistory(List<Transplant> transplants, List<LocalDate> carTDays, List<CountSample> anc,
                           List<CountSample> platelets, List<CountSample> haemoglobin, List<CountSample> plateletTransfusions,
                           List<CountSample> marrowBlasts, List<CountSample> bloodBlasts, List<ChimerismSample> chimerism,
                           Instant clinicalNow, Instant reportedUntil) {
    public GraftHistory {
        transplants = List.copyOf(transplants);
        carTDays = List.copyOf(carTDays);
        anc = List.copyOf(anc);
        platelets = List.copyOf(platelets);
        haemoglobin = List.copyOf(haemoglobin);
        plateletTransfusions = List.copyOf(plateletTransfusions);
        marrowBlasts = List.copyOf(marrowBlasts);
        bloodBlasts = List.copyOf(bloodBlasts);
        chimerism = List.copyOf(chimerism);
    }

    /** The first day that no longer belongs to the transplant at {@code index}: the next one's day 0, or null. */
    public LocalDate endOfTransplant(int index) {
        return index + 1 < transplants.size() ? transplants.get(index + 1).dayZero() : null;
    }
}
