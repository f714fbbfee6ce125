package org.taizhang.inspection.model;

/**
 * The settings of an installation the ledger follows. None travels: each device has its own operator, and only
 * the hub gives numbers, in its format.
 *
 * @param operator who works here (shown in every timeline step and in the history)
 * @param verifier whether the operator is a 核查人: only a verifier may 销号 or 退回 (once operators exist, a
 *     permission of the operator, managed with the operators)
 * @param hub whether this database is the hub (汇总机): the hub designation, which travels, names this device
 *     ({@code Store#isHub}); a field laptop (外业机) records findings unnumbered. A new database is a field device.
 */
public record InspectionSettings(
        String operator, boolean verifier, boolean hub, NumberFormat numberFormat, WarningPolicy warnings) {
    /** Before version 8 the role was this local setting; the schema's hub designation replaced it (V8). */
    static final String ROLE_KEY = "device.role";

    public static final String NUMBER_FORMAT_KEY = "finding.numberFormat";
    public static final String WARNINGS_KEY = "finding.warnings";
    /** The value of {@link #ROLE_KEY} on a field laptop; anything else is a hub. */
    public static final String FIELD_ROLE = "field";
}
