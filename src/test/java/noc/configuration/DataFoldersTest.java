package noc.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFoldersTest {

    @TempDir
    Path root;

    @Test
    void aDatabaseBesideTheJarIsFoundWhenStartingOnAnotherFolder() throws IOException {
        Files.createDirectories(root.resolve("app/data/mariadb"));

        assertThat(DataFolders.elsewhere(root.resolve("work/data"), Optional.of(root.resolve("app/noc-correlator.jar"))))
                .containsExactly(root.resolve("app/data"));
    }

    @Test
    void aDatabaseBesideTheBuildFolderOfTheJarIsFound() throws IOException {
        Files.createDirectories(root.resolve("project/data/mariadb"));

        assertThat(DataFolders.elsewhere(root.resolve("work/data"),
                Optional.of(root.resolve("project/target/noc-correlator.jar")))).containsExactly(root.resolve("project/data"));
    }

    @Test
    void theFolderInUseIsNotAnotherOne() throws IOException {
        Files.createDirectories(root.resolve("project/data/mariadb"));

        assertThat(DataFolders.elsewhere(root.resolve("project/data"),
                Optional.of(root.resolve("project/target/noc-correlator.jar")))).isEmpty();
    }

    @Test
    void aFolderWithoutADatabaseIsNotOne() throws IOException {
        Files.createDirectories(root.resolve("app/data"));

        assertThat(DataFolders.holdsNoDatabase(root.resolve("app/data"))).isTrue();
        assertThat(DataFolders.elsewhere(root.resolve("work/data"), Optional.of(root.resolve("app/noc-correlator.jar"))))
                .isEmpty();
    }

    @Test
    void withoutAJarNothingIsLookedFor() {
        assertThat(DataFolders.elsewhere(root.resolve("data"), Optional.empty())).isEmpty();
    }
}
