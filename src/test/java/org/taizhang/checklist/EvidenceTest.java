package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.Evidence;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Store;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Unit;

/** Photos and documents as evidence of answers, on a real SQLite file with its attachment folder. */
class EvidenceTest {
    @TempDir
    Path dir;

    private Store store;
    private ChecklistService checklists;
    private Assessment assessment;
    private ChecklistTemplate site;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("db").resolve("taizhang.db"));
        RegistryService registry = new RegistryService(store);
        registry.save(new Unit("u1", "江海市财政局", null, null, null, null, 1));
        registry.save(new Organization(
                "o1",
                "u1",
                null,
                "市财政局机关第一党支部",
                OrganizationKind.BRANCH,
                null,
                null,
                12,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                0));
        checklists = new ChecklistService(store, registry);
        checklists.installBuiltInTemplates();
        site = checklists.publish(BuiltInTemplates.site(2026).id());
        assessment = checklists.startAssessment("o1", site.id(), Round.ACCEPTANCE, 2026);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void evidenceIsListedPerItemAndTheSameFileAttachedTwiceIsOneLink() throws Exception {
        Path minutes = file("会议记录.txt", "2026年主题党日记录");
        Evidence first = checklists.attachEvidence(assessment.id(), "site-E1", minutes);
        Evidence again = checklists.attachEvidence(assessment.id(), "site-E1", minutes);
        checklists.attachEvidence(assessment.id(), "site-E2", minutes); // one file, two answers
        checklists.attachEvidence(assessment.id(), "site-E1", file("签到表.txt", "签到"));

        assertThat(again.id()).isEqualTo(first.id());
        var evidence = checklists.evidence(assessment.id());
        assertThat(evidence).containsOnlyKeys("site-E1", "site-E2");
        assertThat(evidence.get("site-E1"))
                .extracting(e -> e.attachment().fileName())
                .containsExactly("会议记录.txt", "签到表.txt");
        assertThat(evidence.get("site-E2").getFirst().attachment().id())
                .isEqualTo(first.attachment().id());
        assertThat(Files.exists(store.dataFolder()
                        .resolve("attachments")
                        .resolve(first.attachment().id().substring(0, 2))
                        .resolve(first.attachment().id())))
                .isTrue();
    }

    @Test
    void removingEvidenceLeavesATombstoneAndAttachingItAgainRestoresTheSameLink() throws Exception {
        Path photo = file("活动室.txt", "活动室照片");
        Evidence e = checklists.attachEvidence(assessment.id(), "site-B1", photo);

        checklists.removeEvidence(e.id());
        assertThat(checklists.evidence(assessment.id())).isEmpty();
        assertThat(store.read()
                        .resultQuery("SELECT deleted FROM answer_evidence WHERE id = ?", e.id())
                        .fetchOne(0, Integer.class))
                .isEqualTo(1);

        Evidence back = checklists.attachEvidence(assessment.id(), "site-B1", photo);
        assertThat(back.id()).isEqualTo(e.id());
        assertThat(checklists.evidence(assessment.id()).get("site-B1")).hasSize(1);
    }

    @Test
    void aFinishedAssessmentTakesNoEvidenceAndKeepsWhatItHas() throws Exception {
        Evidence kept = checklists.attachEvidence(assessment.id(), "site-A1", file("责任人.txt", "任命文件"));
        for (ChecklistItem i : site.items()) {
            checklists.answer(
                    assessment.id(),
                    switch (i.mode()) {
                        case YES_NO -> ItemAnswer.met(i.key(), true);
                        case GRADED -> ItemAnswer.scored(i.key(), i.maxPoints().toPlainString());
                        case DEDUCTION -> ItemAnswer.occurrences(i.key(), 0);
                    });
        }
        checklists.finish(assessment.id()); // 达标验收: on public notice, read-only
        Path another = file("补充.txt", "补充材料");

        for (Runnable refused : List.<Runnable>of(
                () -> checklists.attachEvidence(assessment.id(), "site-A1", another),
                () -> checklists.removeEvidence(kept.id()))) {
            assertThatThrownBy(refused::run)
                    .isInstanceOf(DomainException.class)
                    .extracting(x -> ((DomainException) x).messageKey())
                    .isEqualTo("checklist.error.readOnly");
        }
        assertThat(checklists.evidence(assessment.id()).get("site-A1")).hasSize(1);
    }

    @Test
    void evidenceForAnItemTheTemplateDoesNotHaveIsRefused() throws Exception {
        Path f = file("x.txt", "x");
        assertThatThrownBy(() -> checklists.attachEvidence(assessment.id(), "std-A1", f))
                .isInstanceOf(DomainException.class)
                .extracting(x -> ((DomainException) x).messageKey())
                .isEqualTo("checklist.error.noSuchItem");
        assertThat(checklists.evidence(assessment.id())).isEmpty();
    }
}
