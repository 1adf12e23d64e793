package org.outdial.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedRowsFileTest {

    @TempDir
    Path dir;

    @Test
    void errorFileSitsBesideTheInputWithTheSameBaseName() {
        assertThat(RejectedRowsFile.besides(dir.resolve("customers.csv"))).isEqualTo(dir.resolve("customers.errors.csv"));
    }

    @Test
    void reasonsWithCommasQuotesAndLineBreaksStayOneCsvCell() throws IOException {
        Path file = dir.resolve("x.errors.csv");
        try (RejectedRowsFile errors = new RejectedRowsFile(file)) {
            errors.add(7, "balance", "'1,5' is not a \"decimal\"");
        }

        assertThat(Files.readString(file)).isEqualTo("line,column,reason\r\n7,balance,\"'1,5' is not a \"\"decimal\"\"\"\r\n");
    }

    @Test
    void importWithoutErrorsLeavesNoErrorFileFromAnEarlierRun() throws IOException {
        Path file = Files.writeString(dir.resolve("x.errors.csv"), "old");

        new RejectedRowsFile(file).close();

        assertThat(file).doesNotExist();
    }
}
