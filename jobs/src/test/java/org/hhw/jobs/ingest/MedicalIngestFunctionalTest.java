package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job on the medical claims fixtures ({@link MedicalFixtures}), after the registry
 * fixture {@link RegistryFixtures#XLSX} so that most patients link to registered persons and
 * households; then a corrected re-issue that supersedes claims by their natural key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MedicalIngestFunctionalTest extends IngestFunctionalTest {

    private static final Path HOME = IngestTestSupport.createHome("hhw-medical-functional");
    private static final Path REGISTRY_FIXTURES = Path.of("src/test/resources/fixtures/registry");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/medical");
    private static final String FACT_COLUMNS = """
            claim_key, file_key, sheet, row_number, person_key, household_key, is_registered, hospital_key,
            settlement_no, hospital, hospital_level, admitted_date, admitted_date_key, discharged_date, settled_date, diagnosis,
            is_major_disease, total_cost, in_catalogue_cost, basic_insurance, critical_illness_insurance,
            supplementary_insurance, medical_assistance, other_reimbursement, self_paid, is_current, superseded_by""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IngestTestSupport.properties(registry, HOME, "medical-functional");
    }

    @Test
    @Order(1)
    void loadsClaimsOfEveryFormatLinkedToTheRegistryWithExactRejectsWarningsAndFacts() throws Exception {
        // given a registry of six persons in four households, then the three claim files
        ingest("registry", IngestTestSupport.drop(home, "registry", REGISTRY_FIXTURES.resolve(RegistryFixtures.XLSX)));

        // when each claim file is ingested
        for (String name : List.of(MedicalFixtures.XLSX, MedicalFixtures.XLS, MedicalFixtures.CSV_GB18030)) {
            ingest("medical", drop(name));
        }

        // then every file is accounted for, row by row
        assertThat(rows("""
                select file_key, source, file_name, status, rows_read, rows_loaded, rows_rejected, rows_non_data,
                       rows_warned, sheets_read
                from etl_file where source = 'medical' order by file_key"""))
                .containsExactly(
                        "2|medical|2019年县医保中心住院一站式结算明细.xlsx|LOADED|6|2|2|2|1|县级及市级",
                        "3|medical|2019年乡镇卫生院住院结算明细.xls|LOADED|4|2|2|0|0|南河堡乡卫生院",
                        "4|medical|2019年省级及省外住院结算明细（GB18030）.csv|LOADED|2|1|1|0|0|2019年省级及省外住院结算明细（GB18030）");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code from etl_reject "
                        + "where file_key > 1 order by file_key, sheet, row_number"))
                .containsExactly(
                        "2|县级及市级|6|出院日期|2019/4/1|INCONSISTENT",
                        "2|县级及市级|8|结算单号|null|DUPLICATE_IN_FILE",
                        "3|南河堡乡卫生院|5|民政救助|待定|AMOUNT_INVALID",
                        "3|南河堡乡卫生院|6|医疗机构级别|二级甲等|CODE_UNKNOWN",
                        "4|2019年省级及省外住院结算明细（GB18030）|3|个人自付|-100|AMOUNT_INVALID");
        assertThat(rows("select file_key, sheet, row_number, column_name, raw_value, reason_code, message "
                        + "from etl_warning where file_key > 1 order by file_key, row_number"))
                .containsExactly("2|县级及市级|7|医疗总费用|30,000.00|INCONSISTENT|基本医保报销、大病保险报销、补充医疗保险、医疗救助、其他报销、个人自付之和"
                        + "（28000.00元）与医疗总费用（30000.00元）相差2000.00元。请核对各项金额。");
        assertThat(rows("select file_key, sheet, row_number, kind from etl_non_data where file_key > 1 "
                        + "order by file_key, row_number"))
                .containsExactly("2|县级及市级|9|TOTAL", "2|县级及市级|10|FOOTER");

        // and the claims link to their registered person and household; the unknown patient is loaded, unregistered
        assertThat(rows("select " + FACT_COLUMNS + " from fact_medical_claim order by claim_key"))
                .containsExactly(
                        "1|2|县级及市级|5|1|1|true|1|JS2019001|天镇县人民医院|county|2019-03-01|20190301|2019-03-10|2019-03-10|脑梗死"
                                + "|false|8000.00|null|5200.00|0.00|1000.00|1000.00|null|800.00|true|null",
                        "2|2|县级及市级|7|5|3|true|2|JS2019003|大同市第三人民医院|city|2019-05-06|20190506|2019-05-20|2019-05-20|肺癌"
                                + "|true|30000.00|null|15000.00|6000.00|2000.00|3000.00|null|2000.00|true|null",
                        "3|3|南河堡乡卫生院|3|4|2|true|3|null|南河堡乡卫生院|township|2019-06-03|20190603|2019-06-08|null|慢性支气管炎"
                                + "|false|1500.00|null|1350.00|null|null|null|null|150.00|true|null",
                        "4|3|南河堡乡卫生院|4|7|0|false|1|null|天镇县人民医院|county|2019-07-01|20190701|2019-07-05|null|高血压"
                                + "|false|2400.00|null|1680.00|null|240.00|240.00|null|240.00|true|null",
                        "5|4|2019年省级及省外住院结算明细（GB18030）|2|6|4|true|4|JS2019101|北京协和医院|out_of_province|2019-09-01"
                                + "|20190901|2019-09-15|2019-09-15|冠心病|true|50000.00|42000.00|25000.00|12000.00|3000.00|4000.00"
                                + "|500.00|5500.00|true|null");
        assertThat(rows("select person_key, name, is_registered, household_id, file_key, row_number from dim_person "
                        + "where person_key = 7"))
                .containsExactly("7|王五|false|null|3|4");
        assertThat(rows("select person_key from fact_medical_claim f join dim_person p using (person_key) "
                        + "where f.person_id_hash <> p.person_id_hash"))
                .isEmpty();
        assertThat(rows("select hospital_key, hospital, hospital_level, file_key, sheet, row_number from dim_hospital "
                        + "order by hospital_key"))
                .containsExactly(
                        "1|天镇县人民医院|county|2|县级及市级|5",
                        "2|大同市第三人民医院|city|2|县级及市级|7",
                        "3|南河堡乡卫生院|township|3|南河堡乡卫生院|3",
                        "4|北京协和医院|out_of_province|4|2019年省级及省外住院结算明细（GB18030）|2");
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    @Test
    @Order(2)
    void aReissuedFileSupersedesClaimsByNaturalKeySoTotalsAreTheCorrectedOnes() throws Exception {
        // given the claims of test 1, among them JS2019003 (30,000 yuan) and 赵六's stay without settlement number

        // when the corrected file re-issues both
        ingest("medical", drop(MedicalFixtures.CSV_CORRECTION));

        // then the earlier facts are kept but no longer current, superseded by the correction
        assertThat(rows("select file_key, rows_read, rows_loaded, rows_rejected, rows_warned from etl_file "
                        + "where file_key = 5"))
                .containsExactly("5|2|2|0|0");
        assertThat(rows(
                        "select claim_key, settlement_no, total_cost, is_current, superseded_by from fact_medical_claim "
                                + "where claim_key in (2, 3) or file_key = 5 order by claim_key"))
                .containsExactly(
                        "2|JS2019003|30000.00|false|5",
                        "3|null|1500.00|false|5",
                        "6|JS2019003|31000.00|true|null",
                        "7|null|1600.00|true|null");
        assertThat(rows("select claim_key, person_key, household_key, hospital_key, medical_assistance, self_paid "
                        + "from fact_medical_claim where file_key = 5 order by claim_key"))
                .containsExactly("6|5|3|2|3000.00|5000.00", "7|4|2|3|50.00|150.00");
        // and the current totals are those of the corrected file, not the sum of both
        assertThat(rows("select count(*), sum(total_cost) from fact_medical_claim where is_current"))
                .containsExactly("5|93000.00");
        assertThat(rows("select sum(total_cost) from fact_medical_claim where is_current and person_key in (4, 5)"))
                .containsExactly("32600.00");
        assertThat(warehouse.runDataTests()).isEmpty();
    }

    @Test
    @Order(3)
    void theSameCorrectionDroppedAgainIsNotLoadedTwice() throws Exception {
        // given the correction again, renamed as clerks do
        Path copy = home.inbox("medical").resolve("2019年县医保中心住院一站式结算明细（更正）(1).csv");
        Files.copy(FIXTURES.resolve(MedicalFixtures.CSV_CORRECTION), copy);

        // when it is ingested
        ingest("medical", copy);

        // then it is a duplicate of file 5 and no claim changes
        assertThat(rows("select status, duplicate_of from etl_file where file_key = 6"))
                .containsExactly("DUPLICATE|5");
        assertThat(rows("select count(*), sum(total_cost) filter (where is_current) from fact_medical_claim"))
                .containsExactly("7|93000.00");
    }

    private void ingest(String source, Path file) throws Exception {
        JobExecution run = pollOf(source, file);
        assertThat(run.getStatus()).as(file.getFileName().toString()).isEqualTo(BatchStatus.COMPLETED);
    }

    private Path drop(String fixture) throws IOException {
        return IngestTestSupport.drop(home, "medical", FIXTURES.resolve(fixture));
    }

    private List<String> rows(String sql) throws SQLException {
        return IngestTestSupport.rows(warehouse, sql);
    }

    @AfterAll
    static void deleteHome() throws IOException {
        IngestTestSupport.deleteHome(HOME);
    }
}
