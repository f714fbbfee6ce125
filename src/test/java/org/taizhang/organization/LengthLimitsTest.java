package org.taizhang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.taizhang.organization.CommunityBuilder.aCommunity;
import static org.taizhang.organization.OrganizationBuilder.aPartyCommittee;
import static org.taizhang.organization.UnitBuilder.aUnit;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.files.ImportReports;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/** Every text field has a limit, checked on save and import (per row) by the same rules the form shows. */
class LengthLimitsTest {
    @TempDir
    Path dir;

    private final Unit finance = aUnit().named("江海市财政局").build();

    private static String text(int length) {
        return "字".repeat(length);
    }

    private static List<Issue> tooLong(List<Issue> issues) {
        return issues.stream()
                .filter(i -> i.messageKey().equals("registry.error.tooLong"))
                .toList();
    }

    @Test
    void everyOrganizationTextFieldHasALimit() {
        Organization atLimit = aPartyCommittee()
                .in(finance)
                .named(text(RegistryRules.NAME_MAX))
                .withSecretary(text(RegistryRules.PERSON_MAX))
                .withDeputy(text(RegistryRules.PERSON_MAX))
                .withContact(text(RegistryRules.PERSON_MAX), "1".repeat(RegistryRules.PHONE_MAX))
                .withRemark(text(RegistryRules.REMARK_MAX))
                .build();
        Registry r = new Registry(List.of(finance), List.of(), List.of(atLimit));
        assertThat(tooLong(RegistryRules.check(r, atLimit, RegistryRulesTest.TODAY)))
                .isEmpty();

        Organization over = aPartyCommittee()
                .in(finance)
                .named(text(32_767))
                .withSecretary(text(RegistryRules.PERSON_MAX + 1))
                .withDeputy(text(RegistryRules.PERSON_MAX + 1))
                .withContact(text(RegistryRules.PERSON_MAX + 1), "1".repeat(RegistryRules.PHONE_MAX + 1))
                .withRemark(text(RegistryRules.REMARK_MAX + 1))
                .build();
        r = new Registry(List.of(finance), List.of(), List.of(over));
        assertThat(tooLong(RegistryRules.check(r, over, RegistryRulesTest.TODAY)))
                .extracting(Issue::field, i -> List.of(i.args()))
                .containsExactlyInAnyOrder(
                        tuple(RegistryColumns.ORG_NAME, List.of(RegistryRules.NAME_MAX, 32_767)),
                        tuple(RegistryColumns.ORG_SECRETARY, List.of(RegistryRules.PERSON_MAX, 51)),
                        tuple(RegistryColumns.ORG_DEPUTY, List.of(RegistryRules.PERSON_MAX, 51)),
                        tuple(RegistryColumns.CONTACT_PERSON, List.of(RegistryRules.PERSON_MAX, 51)),
                        tuple(RegistryColumns.CONTACT_PHONE, List.of(RegistryRules.PHONE_MAX, 41)),
                        tuple(RegistryColumns.REMARK, List.of(RegistryRules.REMARK_MAX, 1001)));
    }

    @Test
    void everyUnitAndCommunityTextFieldHasALimit() {
        Unit unit = new Unit("u", text(101), text(51), text(51), "1".repeat(41), text(1001), 0);
        assertThat(tooLong(RegistryRules.check(new Registry(List.of(unit), List.of(), List.of()), unit)))
                .extracting(Issue::field)
                .containsExactlyInAnyOrder(
                        RegistryColumns.UNIT_NAME,
                        RegistryColumns.UNIT_SHORT_NAME,
                        RegistryColumns.CONTACT_PERSON,
                        RegistryColumns.CONTACT_PHONE,
                        RegistryColumns.REMARK);

        Community c = new Community("c", text(101), null, text(51), text(1001));
        assertThat(tooLong(RegistryRules.check(new Registry(List.of(), List.of(c), List.of()), c)))
                .extracting(Issue::field)
                .containsExactlyInAnyOrder(
                        RegistryColumns.COMMUNITY_NAME, RegistryColumns.COMMUNITY_LIAISON, RegistryColumns.REMARK);
        assertThat(RegistryRules.maxLength(RegistryColumns.COMMUNITY_NAME)).hasValue(RegistryRules.NAME_MAX);
        assertThat(RegistryRules.maxLength(RegistryColumns.ORG_MEMBERS)).isEmpty();
    }

    @Test
    void savingAndImportingRefuseTooLongTextRowByRow() throws Exception {
        try (Store store = Store.openOrCreate(dir.resolve("taizhang.db"), RegistryServiceTest.sampleDay())) {
            RegistryService service = new RegistryService(store);
            assertThatThrownBy(() -> service.save(aUnit().named(text(32_767)).build()))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> service.save(aCommunity().named(text(101)).build()))
                    .isInstanceOf(ValidationException.class);

            Path file = new TestWorkbooks()
                    .sheet(RegistryColumns.UNITS_SHEET, RegistryColumns.UNIT_HEADERS)
                    .row("江海市测试局", "市测试局", "钱七", "0513-85550199", "")
                    .row(text(32_767), "", "", "", "")
                    .row("江海市另一局", "", "", "1".repeat(41), "")
                    .write(dir.resolve("长文本.xlsx"));
            ImportReport report = service.importWorkbook(file, Progress.NONE);

            assertThat(report.applied()).isFalse();
            assertThat(ImportReports.lines(report.errors(), Messages.forLocale(Messages.CHINESE)))
                    .containsExactly("“单位”表第3行“单位名称”：不能超过100个字（现有32767个字）。", "“单位”表第4行“联系电话”：不能超过40个字（现有41个字）。");
            assertThat(service.load().units()).isEmpty();
        }
    }
}
