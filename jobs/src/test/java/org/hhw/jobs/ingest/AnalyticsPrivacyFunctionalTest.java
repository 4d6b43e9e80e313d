package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.sources.clean.ResidentIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an analyst can read: every checked-in fixture of the five sources ingested as the demo does
 * (registry first), then the published copy opened read-only as an analyst opens it, and every text
 * value of every table searched for a resident ID or the pseudonym key. And what the lake keeps,
 * which a rebuild replays into that copy: resident IDs masked too, while the receipts show the
 * clerks their own values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsPrivacyFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-analytics-privacy");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Map<String, List<String>> FILES = Map.of(
            "registry",
                    List.of(
                            RegistryFixtures.XLSX,
                            RegistryFixtures.XLS,
                            RegistryFixtures.CSV_UTF8,
                            RegistryFixtures.CSV_GB18030),
            "education",
                    List.of(
                            EducationFixtures.XLSX,
                            EducationFixtures.XLS,
                            EducationFixtures.CSV_GB18030,
                            EducationFixtures.CSV_CORRECTION),
            "medical",
                    List.of(
                            MedicalFixtures.XLSX,
                            MedicalFixtures.XLS,
                            MedicalFixtures.CSV_GB18030,
                            MedicalFixtures.CSV_CORRECTION),
            "microloan",
                    List.of(
                            MicroloanFixtures.XLSX,
                            MicroloanFixtures.XLS,
                            MicroloanFixtures.CSV_GB18030,
                            MicroloanFixtures.CORRECTION),
            "training",
                    List.of(
                            TrainingFixtures.XLSX,
                            TrainingFixtures.XLS,
                            TrainingFixtures.CSV_GB18030,
                            TrainingFixtures.CSV_CORRECTED));

    /** 6-digit area, a 19xx/20xx birth date, a 3-digit sequence, a check character; the check is verified apart. */
    private static final Pattern ID_SHAPE =
            Pattern.compile("(?=(\\d{6}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]))");

    /** Names a column would carry if it held a raw ID or a secret; person_id_hash is the pseudonym, allowed. */
    private static final Pattern RAW_ID_OR_KEY_NAME = Pattern.compile("^person_id$|(^|_)(resident_id|citizen_id"
            + "|id_number|id_no|id_card|id_raw|raw_id|identity|sfz\\w*|secret|hmac|salt|pseudonym\\w*)(_|$)");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "analytics-privacy");
    }

    @BeforeAll
    void ingestEverySource() throws Exception {
        for (String source : List.of("registry", "education", "medical", "microloan", "training")) {
            for (String name : FILES.get(source)) {
                Path file = IngestTestSupport.drop(
                        home, source, FIXTURES.resolve(source).resolve(name));
                assertThat(pollOf(source, file).getStatus())
                        .as(source + "/" + name)
                        .isEqualTo(BatchStatus.COMPLETED);
            }
        }
    }

    @Test
    void noTextValueOfThePublishedCopyHoldsAResidentIdOrThePseudonymKey() throws Exception {
        // given the published copy, opened as an analyst opens it
        try (Connection analyst = IngestTestSupport.openPublished(home)) {
            // when every text column of every table is read
            List<String> found = new ArrayList<>();
            long values = 0;
            for (String[] column : textColumns(analyst)) {
                try (Statement st = analyst.createStatement();
                        ResultSet rs = st.executeQuery("select distinct \"" + column[1] + "\" from \"" + column[0]
                                + "\" where \"" + column[1] + "\" is not null")) {
                    while (rs.next()) {
                        values++;
                        String value = rs.getString(1);
                        if (holdsResidentId(value) || value.toLowerCase().contains(IngestTestSupport.PSEUDONYM_KEY)) {
                            found.add(column[0] + "." + column[1] + ": " + value);
                        }
                    }
                }
            }

            // then none holds a valid resident ID, nor the key the pseudonyms are made with
            assertThat(values).as("text values scanned").isGreaterThan(500);
            assertThat(found).isEmpty();
        }
    }

    @Test
    void noColumnOfThePublishedCopyIsNamedLikeARawIdOrAKey() throws Exception {
        // given the published copy
        try (Connection analyst = IngestTestSupport.openPublished(home)) {
            // when its columns are listed
            List<String> columns = IngestTestSupport.rowsOf(
                    analyst, "select table_name || '.' || column_name from information_schema.columns order by 1");

            // then none is named like a raw ID or a secret; persons are carried by their pseudonym
            assertThat(columns)
                    .filteredOn(c -> RAW_ID_OR_KEY_NAME
                            .matcher(c.substring(c.indexOf('.') + 1))
                            .find())
                    .isEmpty();
            assertThat(columns)
                    .contains("dim_person.person_id_hash", "dim_person.id_masked", "fact_medical_claim.person_id_hash");
        }
    }

    @Test
    void noLakeFileHoldsAResidentIdAsWrittenYetTheReceiptShowsItAndNothingIsLeftSpooled() throws Exception {
        // given the registry xlsx's row 8, rejected for its check character
        String mistyped = RegistryFixtures.badId("19580808", "013");

        // when every value of every Parquet file of the lake is read as text
        List<String> values = IngestTestSupport.rows(
                warehouse,
                "select t::varchar from read_parquet('" + home.lake()
                        + "/**/*.parquet', union_by_name = true, filename = true, hive_partitioning = false) t");

        // then none holds the mistyped ID or a valid one, though the lake holds that row's reject, masked
        assertThat(values).as("rows of the lake").hasSizeGreaterThan(100);
        assertThat(values)
                .filteredOn(v -> v.contains(mistyped) || holdsResidentId(v))
                .isEmpty();
        assertThat(values)
                .filteredOn(v -> v.contains(ResidentIds.maskWritten(mistyped)))
                .singleElement()
                .asString()
                .contains("rejects/part-000002.parquet");
        // and the clerk's receipt quotes the ID as written, and the spool is empty once every receipt is written
        try (XSSFWorkbook receipt = new XSSFWorkbook(home.processed("registry")
                .resolve(RegistryFixtures.XLSX + ".回执.xlsx")
                .toFile())) {
            Row row = receipt.getSheet("拒收明细").getRow(2);
            DataFormatter text = new DataFormatter();
            assertThat(List.of(0, 1, 3, 4).stream().map(c -> text.formatCellValue(row.getCell(c))))
                    .containsExactly("南河堡乡", "8", mistyped, "ID_CHECKSUM");
        }
        try (Stream<Path> spooled = Files.walk(home.spool())) {
            assertThat(spooled.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void theScanRecognisesAnIdOnlyWithItsCheckCharacter() {
        // given a resident ID of the fixtures, quoted in text, and the same digits with a wrong check character
        String id = MicroloanFixtures.ZHANG_SAN;
        char wrong = ResidentIds.checkChar(id.substring(0, 17)) == '1' ? '2' : '1';

        // then only the valid one counts, inside text or not, and a masked one never does
        assertThat(holdsResidentId("身份证号码“" + id + "”重复")).isTrue();
        assertThat(holdsResidentId("户编号" + id.substring(0, 17) + wrong)).isFalse();
        assertThat(holdsResidentId(ResidentIds.mask(id))).isFalse();
    }

    private static boolean holdsResidentId(String value) {
        Matcher m = ID_SHAPE.matcher(value);
        while (m.find()) {
            String candidate = m.group(1).toUpperCase();
            if (ResidentIds.checkChar(candidate.substring(0, 17)) == candidate.charAt(17)) {
                return true;
            }
        }
        return false;
    }

    private static List<String[]> textColumns(Connection c) throws SQLException {
        return IngestTestSupport.rowsOf(c, """
                        select table_name || '|' || column_name from information_schema.columns
                        where data_type = 'VARCHAR' order by table_name, column_name""").stream()
                .map(r -> r.split("\\|"))
                .toList();
    }

    @AfterAll
    void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
