package org.taizhang.checklist.model;

/** How the review team checks an item (检查方式), as written on the forms. */
public enum CheckMethod {
    DOCUMENTS("查资料"),
    RECORDS("查记录"),
    REPORT("听汇报"),
    SITE("实地看"),
    INTERVIEW("个别谈话");

    private final String label;

    CheckMethod(String label) {
        this.label = label;
    }

    /** The words on the form; the same in both languages, as they are terms of the practice. */
    public String label() {
        return label;
    }

    public static java.util.Optional<CheckMethod> ofLabel(String text) {
        String t = text == null ? "" : text.strip();
        return java.util.Arrays.stream(values()).filter(m -> m.label.equals(t)).findFirst();
    }
}
