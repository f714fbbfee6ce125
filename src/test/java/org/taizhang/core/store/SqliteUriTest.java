package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** The URI a read-only database is opened with: the shapes SQLite accepts, for Windows paths too. */
class SqliteUriTest {
    @TempDir
    Path dir;

    @Test
    void aShareKeepsItsServerInThePathNotAsAnAuthority() {
        // Path.toUri() gives file://server/share/…, which SQLite refuses ("invalid uri authority")
        assertThat(SqliteUri.of("\\\\server\\党建 共享\\台账.db", '\\'))
                .isEqualTo("file:////server/%E5%85%9A%E5%BB%BA%20%E5%85%B1%E4%BA%AB/%E5%8F%B0%E8%B4%A6.db")
                .doesNotStartWith("file://server");
    }

    @Test
    void aDrivePathGetsAnEmptyAuthorityAndASlashBeforeTheLetter() {
        assertThat(SqliteUri.of("D:\\台账 数据\\taizhang.db", '\\'))
                .isEqualTo("file:///D:/%E5%8F%B0%E8%B4%A6%20%E6%95%B0%E6%8D%AE/taizhang.db");
    }

    @Test
    void charactersThatWouldEndThePathAreEscaped() {
        assertThat(SqliteUri.of("C:\\a?b#c%d\\x.db", '\\')).isEqualTo("file:///C:/a%3Fb%23c%25d/x.db");
        // on Linux a backslash is part of a name
        assertThat(SqliteUri.of("/home/文员/a\\b.db", '/')).isEqualTo("file:///home/%E6%96%87%E5%91%98/a%5Cb.db");
    }

    @Test
    void sqliteOpensTheUriOfAFolderWithChineseSpacesAndQuestionMarks() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("党建 台账?#%"));
        Path db = folder.resolve("台账.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("create table t(x)");
            s.execute("insert into t values (42)");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);

        try (Connection c = DriverManager.getConnection(
                        "jdbc:sqlite:" + SqliteUri.of(db) + "?immutable=1", config.toProperties());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select x from t")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(42);
        }
    }
}
