package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;

/**
 * The log holds what a support person needs and no personal data (README: 日志): a refusal is logged by its
 * message key, never with its arguments, which can be a person's name, a phone number or a finding's text.
 */
class LogContentsTest {
    @Test
    void aRefusalIsLoggedByItsKeyWithoutTheNamesAndTextsItCarries() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        root.addAppender(seen);
        try {
            StringWriter err = new StringWriter();
            int code = new ErrorHandler(Messages.forLocale(Messages.CHINESE))
                    .report(
                            new DomainException("access.readOnly", "张三 13800138000 支委会未按月召开"),
                            new PrintWriter(err, true));
            assertThat(code).isEqualTo(ExitCodes.ERROR);
            assertThat(err.toString()).contains("张三"); // the clerk is told in full
            assertThat(seen.list).isNotEmpty();
            assertThat(seen.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .allSatisfy(line -> assertThat(line)
                            .doesNotContain("张三")
                            .doesNotContain("13800138000")
                            .doesNotContain("支委会"))
                    .anySatisfy(line -> assertThat(line).contains("access.readOnly"));
        } finally {
            root.detachAppender(seen);
        }
    }
}
