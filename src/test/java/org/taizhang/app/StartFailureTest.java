package org.taizhang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.cli.ExitCodes;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;

/** Issue 20: Taizhang.exe has no console, so a window start that fails says why in a message box, in Chinese. */
class StartFailureTest {
    @Test
    void theReasonGoesToStandardErrorAndIntoTheBoxInChinese() {
        Messages m = Messages.forLocale(Messages.CHINESE);
        List<String> shown = new ArrayList<>();
        StringWriter err = new StringWriter();

        int code = StartFailure.report(
                new DomainException("store.missing", "D:\\台账\\taizhang.db"),
                m,
                new PrintWriter(err, true),
                (title, text) -> shown.addAll(List.of(title, text)));

        assertThat(code).isNotEqualTo(ExitCodes.OK);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0)).isEqualTo("台账无法启动");
        assertThat(shown.get(1)).startsWith("错误：").contains("D:\\台账\\taizhang.db");
        assertThat(err.toString().strip()).isEqualTo(shown.get(1));
    }

    @Test
    void aBoxOnlyOnWindowsWithADisplay() {
        // elsewhere stderr is seen, and a box here would block a headless run
        assertThat(StartFailure.box("Linux", false)).isSameAs(StartFailure.NONE);
        assertThat(StartFailure.box("Windows 11", true)).isSameAs(StartFailure.NONE);
        assertThat(StartFailure.box("Windows 11", false)).isNotSameAs(StartFailure.NONE);
        assertThat(StartFailure.system()).isSameAs(StartFailure.NONE); // the tests run on Linux or headless
    }
}
