package org.outdial.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    private Settings load(Map<String, String> flags, Map<String, String> env) {
        return new SettingsLoader(flags, env, null, dir).load();
    }

    private void writeConfig(String yaml) throws IOException {
        Files.writeString(dir.resolve("outdial.yaml"), yaml);
    }

    @Test
    void everySettingHasItsDefaultWhenNothingIsGiven() {
        Settings settings = load(Map.of(), Map.of());

        assertThat(settings.data()).isEqualTo(dir.resolve("data").toAbsolutePath());
        assertThat(settings.db().url()).isEqualTo(Settings.embeddedUrl(dir.resolve("data")));
        assertThat(settings.db().poolSize()).isEqualTo(10);
        assertThat(settings.http().port()).isEqualTo(8080);
        assertThat(settings.http().host()).isEqualTo("0.0.0.0");
        assertThat(settings.server().applicationId()).isEqualTo(1);
        assertThat(settings.log().level()).isEqualTo(Settings.LogLevel.INFO);
        assertThat(settings.imports().batchSize()).isEqualTo(1000);
        assertThat(settings.list().country()).isEqualTo("US");
        assertThat(settings.list().timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void embeddedDatabaseFollowsTheDataDirectory() {
        Settings settings = load(Map.of("data", "elsewhere"), Map.of());

        assertThat(settings.db().url()).startsWith("jdbc:h2:file:" + dir.resolve("elsewhere").resolve("outdial"));
    }

    @Test
    void fileWinsOverDefault() throws IOException {
        writeConfig("http:\n  port: 9001\n");

        assertThat(load(Map.of(), Map.of()).http().port()).isEqualTo(9001);
    }

    @Test
    void environmentWinsOverFile() throws IOException {
        writeConfig("http:\n  port: 9001\n");

        assertThat(load(Map.of(), Map.of("OUTDIAL_HTTP_PORT", "9002")).http().port()).isEqualTo(9002);
    }

    @Test
    void flagWinsOverEnvironmentAndFile() throws IOException {
        writeConfig("http:\n  port: 9001\n");

        Settings settings = load(Map.of("http.port", "9003"), Map.of("OUTDIAL_HTTP_PORT", "9002"));

        assertThat(settings.http().port()).isEqualTo(9003);
    }

    @Test
    void resolvedValuesTellWhereTheyCameFrom() throws IOException {
        writeConfig("db:\n  pool-size: 4\n");

        ResolvedSettings resolved = new SettingsLoader(Map.of("http.port", "1"), Map.of("OUTDIAL_LOG_LEVEL", "debug"), null, dir)
                .resolve();

        assertThat(origin(resolved, "http.port")).isEqualTo("flag --http-port/--port");
        assertThat(origin(resolved, "log.level")).isEqualTo("environment variable OUTDIAL_LOG_LEVEL");
        assertThat(origin(resolved, "db.pool-size")).isEqualTo(dir.resolve("outdial.yaml").toAbsolutePath() + " line 2");
        assertThat(origin(resolved, "data")).isEqualTo("default");
    }

    private static String origin(ResolvedSettings resolved, String key) {
        return resolved.values().stream().filter(v -> v.setting().key().equals(key)).findFirst().orElseThrow().origin();
    }

    @Test
    void unknownKeyInFileIsRejectedNamingTheKeyAndLine() throws IOException {
        writeConfig("http:\n  port: 8080\n  prot: 1\n");

        assertThatThrownBy(() -> load(Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("outdial.yaml line 3")
                .hasMessageContaining("unknown setting 'http.prot'")
                .hasMessageContaining("host, port, stop-timeout-ms");
    }

    @Test
    void unknownTopLevelKeySuggestsTheSectionItBelongsTo() throws IOException {
        writeConfig("port: 8080\n");

        assertThatThrownBy(() -> load(Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'port'")
                .hasMessageContaining("did you mean 'http:'");
    }

    @Test
    void badValueInFileNamesKeyValueLineAndAllowedRange() throws IOException {
        writeConfig("# ports\nhttp:\n  port: 70000\n");

        assertThatThrownBy(() -> load(Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port = '70000'")
                .hasMessageContaining("outdial.yaml line 3")
                .hasMessageContaining("an integer 0..65535");
    }

    @Test
    void badChoiceNamesTheAllowedValues() {
        assertThatThrownBy(() -> load(Map.of(), Map.of("OUTDIAL_LOG_LEVEL", "loud")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("log.level = 'loud'")
                .hasMessageContaining("environment variable OUTDIAL_LOG_LEVEL")
                .hasMessageContaining("one of error, warn, info, debug, trace");
    }

    @Test
    void badFlagValueNamesTheFlag() {
        assertThatThrownBy(() -> load(Map.of("list.default-time-zone", "Mars/Olympus"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("list.default-time-zone = 'Mars/Olympus'")
                .hasMessageContaining("flag --list-default-time-zone")
                .hasMessageContaining("IANA time zone");
    }

    @Test
    void unsupportedDatabaseUrlIsRejected() {
        assertThatThrownBy(() -> load(Map.of("db.url", "jdbc:mysql://db/outdial"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void secretValuesAreHiddenWhenSettingsAreShown() {
        ResolvedSettings resolved = new SettingsLoader(Map.of("db.password", "hunter2"), Map.of(), null, dir).resolve();

        assertThat(resolved.values()).filteredOn(v -> v.setting().secret())
                .allSatisfy(v -> assertThat(v.shownText()).isEqualTo("(hidden)"));
    }

    @Test
    void unknownOutdialEnvironmentVariableIsRejected() {
        assertThatThrownBy(() -> load(Map.of(), Map.of("OUTDIAL_HTTP_PROT", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OUTDIAL_HTTP_PROT");
    }

    @Test
    void otherEnvironmentVariablesAreIgnored() {
        assertThat(load(Map.of(), Map.of("HOME", "/root", "PATH", "/bin")).http().port()).isEqualTo(8080);
    }

    @Test
    void sectionGivenAsScalarIsRejected() throws IOException {
        writeConfig("db: jdbc:h2:mem:x\n");

        assertThatThrownBy(() -> load(Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'db' is a section")
                .hasMessageContaining("url, user, password, pool-size");
    }

    @Test
    void missingConfigFileNamedByFlagIsAnError() {
        assertThatThrownBy(() -> new SettingsLoader(Map.of(), Map.of(), Path.of("nope.yaml"), dir).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml does not exist");
    }

    @Test
    void configFileNamedByEnvironmentIsRead() throws IOException {
        Files.writeString(dir.resolve("other.yaml"), "server:\n  application-id: 7\n");

        Settings settings = load(Map.of(), Map.of("OUTDIAL_CONFIG", "other.yaml"));

        assertThat(settings.server().applicationId()).isEqualTo(7);
    }

    @Test
    void emptyValueInFileKeepsTheDefault() throws IOException {
        writeConfig("http:\n  port:\n");

        assertThat(load(Map.of(), Map.of()).http().port()).isEqualTo(8080);
    }

    @Test
    void printedDefaultsLoadAsTheDefaults() throws IOException {
        Settings defaults = load(Map.of(), Map.of());
        writeConfig(SettingsReference.defaultsYaml());

        assertThat(load(Map.of(), Map.of())).isEqualTo(defaults);
    }

    @Test
    void printedDefaultsDocumentEverySetting() {
        String yaml = SettingsReference.defaultsYaml();

        assertThat(SettingsCatalog.ALL).allSatisfy(s -> assertThat(yaml)
                .contains(s.name() + ": ")
                .contains(s.envVar())
                .contains(s.flag()));
    }
}
