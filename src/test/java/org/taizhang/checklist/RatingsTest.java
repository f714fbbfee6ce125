package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.RatingQuota;
import org.taizhang.core.ValidationException;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;

/** 直接定级 over the computed rating, and 等级比例 checked on the board. */
class RatingsTest {
    @TempDir
    Path dir;

    private Store store;
    private ChecklistService service;
    private int year;
    private Organization branch;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new ChecklistService(store, registry);
        service.installBuiltInTemplates();
        year = service.today().getYear();
        service.publish(BuiltInTemplates.standard(year).id());
        branch = registry.load().organizations().stream()
                .filter(o -> o.kind().isBranch())
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aDirectRatingMakesTheBranchPassWithThatRatingUntilTakenBack() {
        assertThat(service.board(year).standingByBranch().get(branch.id()).status())
                .isEqualTo(AcceptanceStatus.NOT_ASSESSED);
        int passedBefore = service.board(year).total().passed();

        service.setDirectRating(branch.id(), year, "五星", "获评区级以上先进基层党组织");

        AcceptanceBoard board = service.board(year);
        AcceptanceBoard.Standing s = board.standingByBranch().get(branch.id());
        assertThat(s.status()).isEqualTo(AcceptanceStatus.PASSED);
        assertThat(s.rating()).isEqualTo("五星");
        assertThat(s.direct()).isTrue();
        assertThat(board.total().passed()).isEqualTo(passedBefore + 1);
        assertThat(service.board(year - 1).standingByBranch().get(branch.id()).direct())
                .isFalse(); // that year only

        service.clearDirectRating(branch.id(), year);
        assertThat(service.board(year).standingByBranch().get(branch.id()).status())
                .isEqualTo(AcceptanceStatus.NOT_ASSESSED);
        service.setDirectRating(branch.id(), year, "四星", "区级先进"); // again after taking it back
        assertThat(service.board(year).standingByBranch().get(branch.id()).rating())
                .isEqualTo("四星");
    }

    @Test
    void aDirectRatingNeedsAKnownRatingAndAReason() {
        assertThatThrownBy(() -> service.setDirectRating(branch.id(), year, "六星", " "))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).issues())
                        .extracting(i -> i.messageKey())
                        .containsExactlyInAnyOrder("checklist.error.ratingUnknown", "checklist.error.directReason"));
        assertThat(service.directRatings(year, year)).isEmpty();
    }

    @Test
    void aRatingOverItsShareIsNamedOnTheBoard() {
        service.setQuotas(year, Map.of("五星", new BigDecimal("0.5"), "四星", new BigDecimal("40")));
        assertThat(service.board(year).excesses(service.quotas(year))).isEmpty();

        service.setDirectRating(branch.id(), year, "五星", "区级以上先进");
        service.setDirectRating(
                service.board(year).standingByBranch().keySet().stream()
                        .filter(id -> !id.equals(branch.id()))
                        .findFirst()
                        .orElseThrow(),
                year,
                "五星",
                "市级先进");

        var over = service.board(year).excesses(service.quotas(year));
        assertThat(over).singleElement().satisfies(e -> {
            assertThat(e.rating()).isEqualTo("五星");
            assertThat(e.count()).isEqualTo(2);
            assertThat(e.share()).isEqualByComparingTo("0.7"); // 2 of 307 branches
            assertThat(e.maxShare()).isEqualByComparingTo("0.5");
        });

        service.setQuotas(year, Map.of("四星", new BigDecimal("40"))); // 五星 left out: no limit any more
        assertThat(service.quotas(year)).extracting(RatingQuota::rating).containsExactly("四星");
        assertThat(service.board(year).excesses(service.quotas(year))).isEmpty();
        assertThatThrownBy(() -> service.setQuotas(year, Map.of("四星", new BigDecimal("140"))))
                .isInstanceOf(ValidationException.class);
    }
}
