package org.outdial.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SettingsReferenceTest {

    @Test
    void readmeSettingsTableMatchesTheCatalog() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String begin = readme.substring(readme.indexOf("<!-- settings:begin"));
        String table = begin.substring(begin.indexOf('\n') + 1, begin.indexOf("<!-- settings:end -->"));

        assertThat(table)
                .as("README.md settings table; regenerate with: ./outdial config print-defaults --markdown")
                .isEqualTo(SettingsReference.markdownTable());
    }
}
