package org.graftwatch.contract;

/** Alert kinds of the contract (more may be added, never removed). */
public enum AlertKind {
    NEUTROPHIL_ENGRAFTMENT,
    PLATELET_ENGRAFTMENT,
    GRAFT_FAILURE,
    POOR_COUNT_RECOVERY,
    CHIMERISM_DECLINE,
    RELAPSE,
    FEBRILE_NEUTROPENIA,
    SEPSIS,
    SEPTIC_SHOCK,
    GVHD_ONSET,
    GVHD_FLARE
}
