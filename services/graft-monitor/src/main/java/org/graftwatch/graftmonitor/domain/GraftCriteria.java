package org.graftwatch.graftmonitor.domain;

/** Every threshold the graft rules read, as configured. */
public record GraftCriteria(EngraftmentCriteria neutrophil, PlateletEngraftmentCriteria platelet, GraftFailureCriteria failure,
                            IcahtCriteria icaht, ChimerismCriteria chimerism) {
}
