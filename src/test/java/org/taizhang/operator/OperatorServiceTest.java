package org.taizhang.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Actor;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.Store;
import org.taizhang.operator.model.Operator;
import org.taizhang.operator.model.OperatorDraft;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/** 操作员 on a real database: who works here, what each may do, and passwords that are never kept in clear. */
class OperatorServiceTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("taizhang.db");
    }

    private static String key(Throwable e) {
        return ((DomainException) e).messageKey();
    }

    @Test
    void aNewInstallationHasItsOneOperatorOfOldWhoMayDoEverythingWithoutSigningIn() {
        try (Store store = Store.openOrCreate(db())) {
            store.setOperator("王主任");
            OperatorService operators = new OperatorService(store);
            assertThat(operators.signInNeeded()).isFalse();
            assertThat(operators.operators()).isEmpty();
            Actor now = operators.current();
            assertThat(now.name()).isEqualTo("王主任");
            assertThat(now.installation()).isTrue();
            assertThat(now.mayAdminister()).isTrue();
        }
    }

    @Test
    void theFirstOperatorAddedMakesTheInstallationsOperatorItsAdministrator() {
        try (Store store = Store.openOrCreate(db())) {
            store.setOperator("王主任");
            OperatorService operators = new OperatorService(store);
            operators.add(new OperatorDraft("李四", Actor.Role.CLERK, true), null);
            assertThat(operators.operators())
                    .extracting(Operator::name, Operator::role, Operator::verifier, Operator::hasPassword)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("王主任", Actor.Role.ADMIN, false, false),
                            org.assertj.core.groups.Tuple.tuple("李四", Actor.Role.CLERK, true, false));
            assertThat(operators.current()).isEqualTo(Actor.operator("王主任", Actor.Role.ADMIN, false));
        }
        try (Store store = Store.open(db())) {
            OperatorService operators = new OperatorService(store);
            assertThat(operators.signInNeeded()).isTrue(); // two operators: the program asks who works
            operators.signIn("李四", null);
            RegistryService registry = new RegistryService(store);
            assertThat(registry.save(new Unit(org.taizhang.core.Ids.newId(), "江海市财政局", null, null, null, null, 0)))
                    .isEmpty();
            Unit unit = registry.load().units().getFirst();
            // the history names the operator who signed in
            assertThat(registry.historyOfUnit(unit.id()))
                    .extracting(HistoryEntry::userName)
                    .containsOnly("李四");
        }
    }

    @Test
    void theOnlyOperatorWithoutAPasswordGoesStraightIn() {
        try (Store store = Store.openOrCreate(db())) {
            store.setOperator("王主任");
            OperatorService operators = new OperatorService(store);
            Operator li = operators.add(new OperatorDraft("李四", Actor.Role.ADMIN, false), null);
            operators.signIn("李四", null);
            operators.remove(operators.operators().getFirst().id());
            assertThat(operators.operators()).containsExactly(li);
        }
        try (Store store = Store.open(db())) {
            assertThat(new OperatorService(store).signInNeeded()).isFalse();
            assertThat(store.actor()).isEqualTo(Actor.operator("李四", Actor.Role.ADMIN, false));
        }
    }

    @Test
    void aPasswordIsAskedChecked_andKeptOnlyAsASaltedSlowHash() throws Exception {
        try (Store store = Store.openOrCreate(db())) {
            OperatorService operators = new OperatorService(store);
            operators.add(new OperatorDraft("李四", Actor.Role.CLERK, false), "zhimi-2026".toCharArray());
            operators.add(new OperatorDraft("赵五", Actor.Role.CLERK, false), "zhimi-2026".toCharArray());
            assertThat(operators.operators()).filteredOn(Operator::hasPassword).hasSize(2);
            var hashes = store.read()
                    .resultQuery("SELECT password FROM operator WHERE password IS NOT NULL")
                    .fetch(0, String.class);
            assertThat(hashes).hasSize(2).allMatch(h -> h.startsWith("pbkdf2-sha256$600000$"));
            assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1)); // salted: the same password, two hashes
        }
        byte[] file = Files.readAllBytes(db());
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("zhimi-2026");
        try (Store store = Store.open(db())) {
            OperatorService operators = new OperatorService(store);
            assertThatThrownBy(() -> operators.signIn("李四", "zhimi-2025".toCharArray()))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.signIn");
            assertThatThrownBy(() -> operators.signIn("李四", null))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.signIn");
            // an unknown name is refused with the same words: a guesser learns nothing of who exists
            assertThatThrownBy(() -> operators.signIn("无此人", "zhimi-2026".toCharArray()))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.signIn");
            assertThat(operators.signInNeeded()).isTrue();
            char[] typed = "zhimi-2026".toCharArray();
            assertThat(operators.signIn("李四", typed).name()).isEqualTo("李四");
            assertThat(typed).containsOnly('\0'); // the typed password is blanked once checked
            // an operator changes their own password; someone else's is the 管理员's
            String li = operators.operators().get(1).id();
            operators.setPassword(li, "xinmima-2027".toCharArray());
            String zhao = operators.operators().get(2).id();
            assertThatThrownBy(() -> operators.setPassword(zhao, "123456".toCharArray()))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("access.adminOnly");
            assertThatThrownBy(() -> operators.setPassword(li, "12345".toCharArray()))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.passwordTooShort");
            assertThatThrownBy(() -> operators.signIn("李四", "zhimi-2026".toCharArray()))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.signIn");
            assertThat(operators.signIn("李四", "xinmima-2027".toCharArray()).name())
                    .isEqualTo("李四");
        }
    }

    @Test
    void oneAdministratorAlwaysRemainsAndOnlyAnAdministratorManagesOperators() {
        try (Store store = Store.openOrCreate(db())) {
            store.setOperator("王主任");
            OperatorService operators = new OperatorService(store);
            Operator li = operators.add(new OperatorDraft("李四", Actor.Role.CLERK, false), null);
            Operator wang = operators.operators().getFirst();
            assertThatThrownBy(() -> operators.update(wang.id(), new OperatorDraft("王主任", Actor.Role.CLERK, false)))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.lastAdmin");
            assertThatThrownBy(() -> operators.remove(wang.id()))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.removeSelf");
            assertThatThrownBy(() -> operators.add(new OperatorDraft(" 李四 ", Actor.Role.READER, false), null))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.nameTaken");
            assertThatThrownBy(() -> operators.add(new OperatorDraft("  ", Actor.Role.READER, false), null))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.nameRequired");
            assertThatThrownBy(() -> operators.add(new OperatorDraft("长".repeat(21), Actor.Role.READER, false), null))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("operator.error.nameTooLong");
            // the 管理员 renames himself and gives 核查人 to himself: his next changes carry the new name
            operators.update(wang.id(), new OperatorDraft("王建国", Actor.Role.ADMIN, true));
            assertThat(store.actor()).isEqualTo(Actor.operator("王建国", Actor.Role.ADMIN, true));
            operators.signIn("李四", null);
            assertThatThrownBy(() -> operators.add(new OperatorDraft("赵五", Actor.Role.READER, false), null))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("access.adminOnly");
            assertThatThrownBy(() -> operators.update(li.id(), new OperatorDraft("李四", Actor.Role.ADMIN, false)))
                    .extracting(OperatorServiceTest::key)
                    .isEqualTo("access.adminOnly");
            assertThat(operators.operators()).hasSize(2);
        }
    }

    @Test
    void aMalformedStoredHashMatchesNoPassword() {
        assertThat(Passwords.matches("x".toCharArray(), null)).isFalse();
        assertThat(Passwords.matches("x".toCharArray(), "plain")).isFalse();
        assertThat(Passwords.matches("x".toCharArray(), "pbkdf2-sha256$0$AA$AA"))
                .isFalse();
        assertThat(Passwords.matches("x".toCharArray(), "pbkdf2-sha256$10$!!$AA"))
                .isFalse();
        String h = Passwords.hash("正确的密码".toCharArray());
        assertThat(Passwords.matches("正确的密码".toCharArray(), h)).isTrue();
        assertThat(Passwords.matches("正确的密碼".toCharArray(), h)).isFalse();
    }
}
