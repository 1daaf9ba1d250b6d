package org.graftwatch.ingest.hl7;

/** ORU^R01 messages as a laboratory system sends them (segments separated by CR). */
public final class OruMessages {
    private OruMessages() {
    }

    /** One patient, one order, the given OBX segments (without their set ids, which are numbered here). */
    public static String oru(String controlId, String patientId, String fillerOrder, String... obx) {
        StringBuilder m = new StringBuilder()
                .append("MSH|^~\\&|LIS|UKX-LAB|GRAFTWATCH|UKX|20250316080000+0000||ORU^R01^ORU_R01|").append(controlId).append("|P|2.5.1\r")
                .append("PID|1||").append(patientId).append("^^^UKX^MR||Doe^Jane\r")
                .append("OBR|1||").append(fillerOrder).append("|CBC^Blood count^L|||20250316073000+0000\r");
        for (int i = 0; i < obx.length; i++) {
            m.append("OBX|").append(i + 1).append('|').append(obx[i]).append('\r');
        }
        return m.toString();
    }

    /** OBX fields 2 to 14: value type, code^text^system, sub-id, value, unit, ..., status (11), ..., time (14). */
    public static String obx(String code, String codingSystem, String value, String unit, String status, String time) {
        return "NM|" + code + "^^" + codingSystem + "||" + value + "|" + unit + "^^UCUM|||||" + status + "|||" + time;
    }
}
