package org.taizhang.inspection.model;

import java.util.Optional;

/**
 * When the ledger warns, a setting of the installation because practice varies (江津: green at 20 days left,
 * yellow at 10, red when overdue; 寿光: yellow at 3). Stored as {@code 关注,临期,严重超期} day counts, e.g. "20,10,30".
 *
 * @param attentionDays days left at which a finding turns 关注 (0 turns it off)
 * @param soonDays days left at which it turns 临期
 * @param severeDays days past the deadline after which 逾期 becomes 严重超期
 */
public record WarningPolicy(int attentionDays, int soonDays, int severeDays) {
    public static final WarningPolicy DEFAULT = new WarningPolicy(20, 10, 30);

    public WarningPolicy {
        if (soonDays < 0 || attentionDays < 0 || severeDays < 0 || (attentionDays > 0 && attentionDays < soonDays)) {
            throw new IllegalArgumentException("warning days " + attentionDays + "," + soonDays + "," + severeDays);
        }
    }

    public String format() {
        return attentionDays + "," + soonDays + "," + severeDays;
    }

    /** The policy a setting names, or empty when it is not three day counts in order. */
    public static Optional<WarningPolicy> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.replace('，', ',').split(",");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WarningPolicy(
                    Integer.parseInt(parts[0].strip()),
                    Integer.parseInt(parts[1].strip()),
                    Integer.parseInt(parts[2].strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
