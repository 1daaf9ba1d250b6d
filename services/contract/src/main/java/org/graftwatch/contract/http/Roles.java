package org.graftwatch.contract.http;

import java.util.List;

/**
 * Who may call the GraftWatch HTTP APIs: the roles a bearer token carries in its {@code groups} claim, and the claim
 * that limits a clinician to some wards.
 */
public final class Roles {
    /** Lab information systems, bedside monitor gateways, interface engines: post observations. */
    public static final String WARD_SYSTEM = "ward-system";
    /** Transplant physicians, nurses, coordinators: read and act on alerts and patient data, register cases. */
    public static final String CLINICIAN = "clinician";
    /** Operations: health and metrics (which answer without a token too, for probes and scrapers). */
    public static final String OPS = "ops";
    public static final List<String> ALL = List.of(WARD_SYSTEM, CLINICIAN, OPS);

    /** A JSON array of ward ids; when present, a clinician sees and acts on those wards' patients only. */
    public static final String WARDS_CLAIM = "wards";

    private Roles() {
    }
}
