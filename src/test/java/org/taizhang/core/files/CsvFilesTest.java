package org.taizhang.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFilesTest {
    @Test
    void aCellStartingLikeAFormulaGetsAQuoteInFrontAndIsQuoted() {
        assertThat(CsvFiles.cell("=1+2")).isEqualTo("\"'=1+2\"");
        assertThat(CsvFiles.cell("+86 138")).isEqualTo("\"'+86 138\"");
        assertThat(CsvFiles.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(CsvFiles.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvFiles.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvFiles.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvFiles.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvFiles.cell("＝1")).isEqualTo("\"'＝1\"");
    }

    @Test
    void otherCellsFollowRfc4180() {
        assertThat(CsvFiles.cell("市委办")).isEqualTo("市委办");
        assertThat(CsvFiles.cell("a=1")).isEqualTo("a=1");
        assertThat(CsvFiles.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFiles.cell("说\"好\"")).isEqualTo("\"说\"\"好\"\"\"");
        assertThat(CsvFiles.cell(null)).isEmpty();
        assertThat(CsvFiles.cell("")).isEmpty();
    }
}
