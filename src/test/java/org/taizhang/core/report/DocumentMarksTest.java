package org.taizhang.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.core.DomainException;

/** 发文字号 and 抄送 as a clerk types them, set as GB/T 9704 wants them. */
class DocumentMarksTest {
    private static final OfficialDocument NOTICE = new OfficialDocument(
            "中共江海市直属机关工作委员会",
            "",
            "督查问题整改通知书",
            "江海市财政局",
            List.of(new OfficialDocument.Paragraph("正文")),
            LocalDate.of(2026, 12, 7),
            "");

    @Test
    void theYearsBracketsBecome六角括号WhicheverWereTyped() {
        for (String typed : List.of(
                "江机工委督[2026]3号",
                "江机工委督(2026)3号",
                "江机工委督（2026）3号",
                "江机工委督【2026】3号",
                "江机工委督［2026］3号",
                " 江机工委督〔2026〕3号 ",
                "江机工委督[ 2026 ]3号")) {
            assertThat(new DocumentMarks(typed, "").number()).as(typed).isEqualTo("江机工委督〔2026〕3号");
        }
        assertThat(new DocumentMarks("江机工委督(三)号", "").number())
                .as("only a year is a year")
                .isEqualTo("江机工委督(三)号");
    }

    @Test
    void theCopiesLineLosesItsClosingStopWhichTheLayoutAdds() {
        assertThat(new DocumentMarks("", "市委组织部，市纪委监委。").copyTo()).isEqualTo("市委组织部，市纪委监委");
        assertThat(new DocumentMarks(null, null)).isEqualTo(DocumentMarks.NONE);
    }

    @Test
    void tooLongOrOverSeveralLinesIsRefusedInWords() {
        assertThatThrownBy(() -> new DocumentMarks("江".repeat(DocumentMarks.NUMBER_MAX + 1), ""))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("document.error.numberTooLong"));
        assertThatThrownBy(() -> new DocumentMarks("", "市".repeat(DocumentMarks.COPY_TO_MAX + 1)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("document.error.copyToTooLong"));
        assertThatThrownBy(() -> new DocumentMarks("", "市委组织部\n市纪委"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("document.error.lineBreak"));
    }

    @Test
    void marksGoOnADocumentAndABlankOneKeepsItsOwn() {
        OfficialDocument marked = new DocumentMarks("江机工委督[2026]3号", "市委组织部").on(NOTICE);
        assertThat(marked.number()).isEqualTo("江机工委督〔2026〕3号");
        assertThat(marked.copyTo()).isEqualTo("市委组织部");
        assertThat(marked.title()).isEqualTo(NOTICE.title());
        assertThat(marked.body()).isEqualTo(NOTICE.body());

        assertThat(DocumentMarks.NONE.on(NOTICE)).isSameAs(NOTICE);
        OfficialDocument copied = new OfficialDocument(
                NOTICE.issuer(), "已有文号", NOTICE.title(), NOTICE.recipient(), NOTICE.body(), NOTICE.date(), "原抄送");
        assertThat(new DocumentMarks("", "市纪委").on(copied).number()).isEqualTo("已有文号");
        assertThat(new DocumentMarks("", "市纪委").on(copied).copyTo()).isEqualTo("市纪委");
    }
}
