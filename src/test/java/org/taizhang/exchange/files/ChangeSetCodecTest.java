package org.taizhang.exchange.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.ChangeSet;
import org.taizhang.core.store.Dot;
import org.taizhang.core.store.FieldVersion;
import org.taizhang.core.store.RecordState;
import org.taizhang.core.store.VersionVector;

/** The {@code changes} entry both ways (format 3 deflated, format 2 plain), and what a hostile entry gets. */
class ChangeSetCodecTest {
    private static final String HUB = UUID.nameUUIDFromBytes(new byte[] {1}).toString();
    private static final String LAPTOP = UUID.nameUUIDFromBytes(new byte[] {2}).toString();

    /** Records as devices write them: every field by one change, some with a conflict, typed values. */
    private static ChangeSet set(int records) {
        List<RecordState> states = new ArrayList<>();
        List<ChangeSet.HistoryItem> history = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Dot create = new Dot(2L * i + 1, HUB);
            Map<String, List<FieldVersion>> fields = new LinkedHashMap<>();
            fields.put("name", List.of(FieldVersion.of("第" + i + "党支部", create)));
            fields.put("score", List.of(FieldVersion.of(new BigDecimal("2.50"), create)));
            fields.put("rank", List.of(FieldVersion.of((long) i, create)));
            fields.put("note", List.of(FieldVersion.of(null, create)));
            VersionVector seen = VersionVector.EMPTY.with(create);
            if (i % 7 == 0) { // a conflict: two versions, one of them named by two changes
                Dot edit = new Dot(i + 1, LAPTOP);
                fields.put(
                        "note",
                        List.of(
                                FieldVersion.of("已整改", edit),
                                new FieldVersion("未整改", List.of(create, new Dot(i + 2, LAPTOP)))));
                seen = seen.with(new Dot(i + 2, LAPTOP));
            }
            states.add(new RecordState(
                    "organization",
                    "o" + i,
                    "2026-12-01T00:00:00.000Z",
                    "2026-12-02T00:00:00.000Z",
                    create,
                    fields,
                    seen,
                    List.of(create)));
            history.add(new ChangeSet.HistoryItem(
                    create.toString(),
                    "organization",
                    "o" + i,
                    "create",
                    "{\"name\":\"第" + i + "党支部\"}",
                    "张三",
                    "2026-12-01T00:00:00.000Z",
                    create));
        }
        return new ChangeSet(states, history);
    }

    @Test
    void bothFormatsReadBackExactlyAndTheDeflatedOneIsFarSmaller() {
        ChangeSet set = set(500);
        byte[] plain = ChangeSetCodec.encode(set);
        byte[] packed = ChangeSetCodec.encodePacked(set);

        assertThat(ChangeSetCodec.decode(plain, "x")).isEqualTo(set);
        ChangeSet back = ChangeSetCodec.decodePacked(packed, 1L << 30, "x");
        assertThat(back).isEqualTo(set);
        assertThat(back.records().getFirst().value("score")).isEqualTo(new BigDecimal("2.50")); // the scale kept
        assertThat(packed.length).isLessThan(plain.length / 4);
    }

    @Test
    void whatInflatesBeyondTheLimitIsRefusedAsDamaged() {
        byte[] packed = ChangeSetCodec.encodePacked(set(500));
        int inflated = ChangeSetCodec.encode(set(500)).length;

        assertThat(ChangeSetCodec.decodePacked(packed, inflated, "x").records()).hasSize(500);
        assertThatThrownBy(() -> ChangeSetCodec.decodePacked(packed, inflated - 1, "x"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("package.error.damaged"));
    }

    @Test
    void aBombThatClaimsAHugeTextAndBytesAfterTheSetAreRefused() throws Exception {
        // one record whose table name claims 2 GB, backed by a megabyte of zeros that deflates to almost nothing
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(b))) {
            out.writeInt(1);
            out.writeInt(Integer.MAX_VALUE);
            out.write(new byte[1 << 20]);
        }
        assertThatThrownBy(() -> ChangeSetCodec.decodePacked(b.toByteArray(), 1L << 30, "x"))
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("package.error.damaged"));

        byte[] plain = ChangeSetCodec.encode(set(3));
        byte[] longer = Arrays.copyOf(plain, plain.length + 1);
        assertThatThrownBy(() -> ChangeSetCodec.decode(longer, "x"))
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("package.error.damaged"));
        ByteArrayOutputStream more = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(more)) {
            out.write(longer);
        }
        assertThatThrownBy(() -> ChangeSetCodec.decodePacked(more.toByteArray(), 1L << 30, "x"))
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("package.error.damaged"));
        byte[] packed = ChangeSetCodec.encodePacked(set(50));
        assertThatThrownBy(() -> ChangeSetCodec.decodePacked(Arrays.copyOf(packed, packed.length / 2), 1L << 30, "x"))
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("package.error.damaged"));
    }
}
