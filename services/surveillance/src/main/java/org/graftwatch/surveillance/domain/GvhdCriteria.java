package org.graftwatch.surveillance.domain;

import java.time.Duration;

/**
 * MAGIC (Harris et al., BBMT 2016) organ-staging thresholds.
 *
 * @param skinStage2AtOrAbove      skin stage 2 from this % BSA (25)
 * @param skinStage3Above          skin stage 3 above this % BSA (50)
 * @param liverStage1AtOrAbove     liver stage 1 from this bilirubin, mg/dL (2.0)
 * @param liverStage2Above         liver stage 2 above this (3.0)
 * @param liverStage3Above         liver stage 3 above this (6.0)
 * @param liverStage4Above         liver stage 4 above this (15.0)
 * @param stoolStage1AtOrAbove     lower GI stage 1 from this stool volume, mL/d (500)
 * @param stoolStage2AtOrAbove     lower GI stage 2 from this (1000)
 * @param stoolStage3Above         lower GI stage 3 above this (1500)
 * @param episodesStage1AtOrAbove  lower GI stage 1 from this many stools a day (3)
 * @param episodesStage2AtOrAbove  lower GI stage 2 from this many (5)
 * @param episodesStage3Above      lower GI stage 3 above this many (7)
 * @param assessmentWindow         an organ assessment stands until a newer one, for at most this long
 */
public record GvhdCriteria(double skinStage2AtOrAbove, double skinStage3Above, double liverStage1AtOrAbove, double liverStage2Above,
                           double liverStage3Above, double liverStage4Above, double stoolStage1AtOrAbove, double stoolStage2AtOrAbove,
                           double stoolStage3Above, double episodesStage1AtOrAbove, double episodesStage2AtOrAbove,
                           double episodesStage3Above, Duration assessmentWindow) {
}
