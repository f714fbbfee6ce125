package org.taizhang.organization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.files.RegistryFile;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;

/**
 * A whole city's registry, for tests and benchmarks at real scale: 120 units (市直部门 and 直属事业单位),
 * 8 共同体 and 1,500 党支部 under 机关党委 / 党总支, plus a few 联合支部, with realistic Chinese names, member
 * counts, committees and terms. Deterministic: the same seed gives the same registry. Every row passes the
 * registry rules (some terms have expired, which is a warning, as in a real registry).
 *
 * <pre>{@code
 * Path xlsx = CityScaleGenerator.writeWorkbook(tempDir);        // through the real .xlsx reader
 * ImportReport r = CityScaleGenerator.load(registryService);   // straight into a database
 * }</pre>
 */
public final class CityScaleGenerator {
    public static final long SEED = 20261123L;
    public static final int UNITS = 120;
    public static final int COMMUNITIES = 8;
    public static final int BRANCHES = 1_500;
    public static final String FILE_NAME = "city-scale.xlsx";

    private static final LocalDate BRANCH_TERMS_FROM = LocalDate.of(2023, 6, 1);
    private static final LocalDate BRANCH_TERMS_TO = LocalDate.of(2026, 10, 31);
    private static final LocalDate COMMITTEE_TERMS_FROM = LocalDate.of(2021, 9, 1);
    private static final LocalDate COMMITTEE_TERMS_TO = LocalDate.of(2026, 6, 30);

    private static final String[] DEPARTMENTS = {
        "中共江海市委办公室",
        "江海市人民政府办公室",
        "中共江海市纪律检查委员会",
        "中共江海市委组织部",
        "中共江海市委宣传部",
        "中共江海市委统一战线工作部",
        "中共江海市委政法委员会",
        "中共江海市委政策研究室",
        "中共江海市委网络安全和信息化委员会办公室",
        "中共江海市委机构编制委员会办公室",
        "中共江海市委党校",
        "中共江海市委党史研究室",
        "中共江海市委老干部局",
        "江海市人大常委会办公室",
        "江海市政协办公室",
        "江海市发展和改革委员会",
        "江海市教育局",
        "江海市科学技术局",
        "江海市工业和信息化局",
        "江海市民族宗教事务局",
        "江海市公安局",
        "江海市民政局",
        "江海市司法局",
        "江海市财政局",
        "江海市人力资源和社会保障局",
        "江海市自然资源和规划局",
        "江海市生态环境局",
        "江海市住房和城乡建设局",
        "江海市交通运输局",
        "江海市水利局",
        "江海市农业农村局",
        "江海市商务局",
        "江海市文化广电和旅游局",
        "江海市卫生健康委员会",
        "江海市退役军人事务局",
        "江海市应急管理局",
        "江海市审计局",
        "江海市人民政府国有资产监督管理委员会",
        "江海市市场监督管理局",
        "江海市体育局",
        "江海市统计局",
        "江海市医疗保障局",
        "江海市城市管理局",
        "江海市行政审批局",
        "江海市信访局",
        "江海市机关事务管理局",
        "江海市数据局",
        "江海市地方金融管理局",
        "江海市人民防空办公室",
        "江海市粮食和物资储备局",
        "江海市中级人民法院",
        "江海市人民检察院",
        "江海市总工会",
        "共青团江海市委员会",
        "江海市妇女联合会",
        "江海市科学技术协会",
        "江海市工商业联合会",
        "江海市文学艺术界联合会",
        "江海市残疾人联合会",
        "江海市红十字会",
    };

    private static final String[] INSTITUTIONS = {
        "江海市政务服务中心",
        "江海市公共资源交易中心",
        "江海市大数据管理中心",
        "江海市住房公积金管理中心",
        "江海市社会保险基金管理中心",
        "江海市不动产登记中心",
        "江海市疾病预防控制中心",
        "江海市医疗保障基金管理中心",
        "江海市档案馆",
        "江海市地方志办公室",
        "江海市人才服务中心",
        "江海市就业服务中心",
        "江海市退役军人服务中心",
        "江海市12345政务服务便民热线中心",
        "江海市城市规划设计研究院",
        "江海市建设工程质量安全监督站",
        "江海市房屋征收管理中心",
        "江海市市政设施管理中心",
        "江海市园林绿化管理中心",
        "江海市生态环境监测中心",
        "江海市农业技术推广中心",
        "江海市动物疫病预防控制中心",
        "江海市水文水资源勘测中心",
        "江海市公路事业发展中心",
        "江海市港航事业发展中心",
        "江海市交通运输综合行政执法支队",
        "江海市食品药品检验所",
        "江海市计量测试所",
        "江海市标准化研究院",
        "江海市知识产权保护中心",
        "国家统计局江海调查队",
        "江海市价格认证中心",
        "江海市财政投资评审中心",
        "江海市国库集中支付中心",
        "江海市政府采购中心",
        "江海市投资促进中心",
        "江海市会议展览中心",
        "江海市图书馆",
        "江海市博物馆",
        "江海市美术馆",
        "江海市文化馆",
        "江海市广播电视台",
        "江海日报社",
        "江海市体育运动学校",
        "江海市青少年活动中心",
        "江海市老干部活动中心",
        "江海市党员教育中心",
        "江海市社会科学界联合会",
        "江海市第一人民医院",
        "江海市中医院",
        "江海市妇幼保健院",
        "江海市急救中心",
        "江海市血液中心",
        "江海市救助管理站",
        "江海市社会福利院",
        "江海市殡葬管理所",
        "江海市气象局",
        "国家税务总局江海市税务局",
        "江海海关",
        "江海市消防救援支队",
    };

    private static final String[] COMMUNITY_NAMES = {
        "综合服务共同体", "党群工作共同体", "政法共同体", "经济发展共同体", "城乡建设共同体", "社会事业共同体", "文化教育共同体", "公共服务共同体",
    };

    private static final String[] SECTIONS = {
        "办公室", "综合科", "政策法规科", "财务审计科", "人事教育科", "规划发展科", "行政审批科", "监督检查科", "离退休干部",
    };

    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶" + "程魏苏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华红玲斌波辉鹏宇浩凯健俊帆琳婷雪倩欣颖慧佳晨" + "新国建志海燕东文春梅兰英秀峰岩松林云飞亮成荣";

    private static final String[] CHINESE_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private CityScaleGenerator() {}

    /** The registry as three sheets of text rows, in the column order of {@link RegistryColumns}. */
    public record CityRegistry(
            List<List<String>> units, List<List<String>> communities, List<List<String>> organizations) {

        public long count(OrganizationKind kind) {
            int column = RegistryColumns.ORGANIZATION_HEADERS.indexOf(RegistryColumns.ORG_KIND);
            return organizations.stream()
                    .filter(r -> r.get(column).equals(kind.fileName()))
                    .count();
        }

        /** Writes the registry workbook a clerk would import: numbers as numbers, dates as Excel dates. */
        public Path write(Path file) throws IOException {
            SXSSFWorkbook wb = new SXSSFWorkbook(500);
            try (OutputStream out = Files.newOutputStream(file)) {
                CellStyle date = wb.createCellStyle();
                date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
                sheet(wb, RegistryColumns.UNITS_SHEET, RegistryColumns.UNIT_HEADERS, units, date);
                sheet(wb, RegistryColumns.COMMUNITIES_SHEET, RegistryColumns.COMMUNITY_HEADERS, communities, date);
                sheet(
                        wb,
                        RegistryColumns.ORGANIZATIONS_SHEET,
                        RegistryColumns.ORGANIZATION_HEADERS,
                        organizations,
                        date);
                wb.write(out);
            } finally {
                wb.close();
            }
            return file;
        }

        private static void sheet(
                SXSSFWorkbook wb, String name, List<String> headers, List<List<String>> rows, CellStyle dateStyle) {
            Sheet sheet = wb.createSheet(name);
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            int members = headers.indexOf(RegistryColumns.ORG_MEMBERS);
            int termStart = headers.indexOf(RegistryColumns.ORG_TERM_START);
            int termEnd = headers.indexOf(RegistryColumns.ORG_TERM_END);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (c == members) {
                        cell.setCellValue(Integer.parseInt(v));
                    } else if (c == termStart || c == termEnd) {
                        cell.setCellValue(LocalDate.parse(v));
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
        }
    }

    public static CityRegistry generate() {
        return generate(SEED);
    }

    public static CityRegistry generate(long seed) {
        return new Generation(new Random(seed)).run();
    }

    /** Writes {@value #FILE_NAME} into {@code dir} and returns its path. */
    public static Path writeWorkbook(Path dir) throws IOException {
        return generate().write(dir.resolve(FILE_NAME));
    }

    /** Imports the city registry into the service's database (without the .xlsx round trip). */
    public static ImportReport load(RegistryService service) {
        return service.importFile(registryFile(generate()), Progress.NONE);
    }

    static RegistryFile registryFile(CityRegistry city) {
        return new RegistryFile(
                sheet(RegistryColumns.UNITS_SHEET, RegistryColumns.UNIT_HEADERS, city.units()),
                sheet(RegistryColumns.COMMUNITIES_SHEET, RegistryColumns.COMMUNITY_HEADERS, city.communities()),
                sheet(RegistryColumns.ORGANIZATIONS_SHEET, RegistryColumns.ORGANIZATION_HEADERS, city.organizations()));
    }

    private static SheetData sheet(String name, List<String> headers, List<List<String>> rows) {
        List<SheetData.Row> out = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                cells.put(headers.get(c), rows.get(r).get(c));
            }
            out.add(new SheetData.Row(r + 2, cells));
        }
        return new SheetData(name, new LinkedHashSet<>(headers), out);
    }

    /** Writes the workbook for a benchmark or a demo: {@code CityScaleGenerator <folder>}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        System.out.println(writeWorkbook(dir).toAbsolutePath());
    }

    static String shortName(String unit) {
        return unit.replace("中共江海市委", "市委")
                .replace("江海市人民政府", "市政府")
                .replace("国家税务总局江海市", "市")
                .replace("国家统计局江海", "江海")
                .replace("共青团江海市委员会", "团市委")
                .replace("江海市", "市");
    }

    private static final class Generation {
        private final Random random;
        private final List<List<String>> units = new ArrayList<>();
        private final List<List<String>> communities = new ArrayList<>();
        private final List<List<String>> organizations = new ArrayList<>();

        Generation(Random random) {
            this.random = random;
        }

        CityRegistry run() {
            List<String> unitNames = new ArrayList<>(List.of(DEPARTMENTS));
            unitNames.addAll(List.of(INSTITUTIONS));
            if (unitNames.size() != UNITS || new LinkedHashSet<>(unitNames).size() != UNITS) {
                throw new IllegalStateException("need " + UNITS + " distinct unit names, have " + unitNames.size());
            }
            for (String unit : unitNames) {
                units.add(List.of(unit, shortName(unit), person(), phone(), ""));
            }
            int perCommunity = UNITS / COMMUNITIES;
            for (int c = 0; c < COMMUNITIES; c++) {
                communities.add(List.of(COMMUNITY_NAMES[c], unitNames.get(c * perCommunity), person() + "（工委委员）", ""));
            }
            int[] branches = branchCounts();
            for (int u = 0; u < UNITS; u++) {
                unit(unitNames.get(u), branches[u], COMMUNITY_NAMES[u / perCommunity], u);
            }
            return new CityRegistry(List.copyOf(units), List.copyOf(communities), List.copyOf(organizations));
        }

        /** Branches per unit: uneven like a real city (a 公安局 has dozens, a 红十字会 one), summing to 1,500. */
        private int[] branchCounts() {
            int[] counts = new int[UNITS];
            int total = 0;
            for (int u = 0; u < UNITS; u++) {
                counts[u] = u < DEPARTMENTS.length ? 6 + random.nextInt(20) : 2 + random.nextInt(12);
                total += counts[u];
            }
            while (total != BRANCHES) {
                int u = random.nextInt(UNITS);
                if (total < BRANCHES) {
                    counts[u]++;
                    total++;
                } else if (counts[u] > 1) {
                    counts[u]--;
                    total--;
                }
            }
            return counts;
        }

        private void unit(String unit, int branchCount, String community, int index) {
            String shortName = shortName(unit);
            boolean large = branchCount >= 8;
            String top = shortName + (large ? "机关党委" : "机关党总支");
            int generalBranches = branchCount >= 18 ? branchCount / 9 : 0;
            List<List<String>> children = new ArrayList<>();
            int topMembers = 0;

            List<String> branchNames = branchNames(shortName, branchCount);
            int next = 0;
            for (int g = 1; g <= generalBranches; g++) {
                String general = shortName + "第" + CHINESE_NUMBERS[g - 1] + "党总支";
                List<List<String>> inGeneral = new ArrayList<>();
                int generalMembers = random.nextInt(4);
                int size = Math.max(2, branchCount / (generalBranches + 1));
                for (int b = 0; b < size && next < branchCount; b++, next++) {
                    int members = branchMembers();
                    generalMembers += members;
                    inGeneral.add(branch(branchNames.get(next), OrganizationKind.BRANCH, unit, general, members));
                }
                children.add(organization(
                        general,
                        OrganizationKind.GENERAL_BRANCH,
                        unit,
                        top,
                        generalMembers,
                        true,
                        term(BRANCH_TERMS_FROM, BRANCH_TERMS_TO, 3),
                        "",
                        ""));
                children.addAll(inGeneral);
                topMembers += generalMembers;
            }
            for (; next < branchCount; next++) {
                int members = branchMembers();
                topMembers += members;
                children.add(branch(branchNames.get(next), OrganizationKind.BRANCH, unit, top, members));
            }
            if (index % 10 == 9) { // a few small units' staff share a 联合支部
                int members = 3 + random.nextInt(4);
                topMembers += members;
                children.add(branch(shortName + "联合党支部", OrganizationKind.JOINT_BRANCH, unit, top, members));
            }
            topMembers += random.nextInt(6);
            LocalDate[] term = large
                    ? term(COMMITTEE_TERMS_FROM, COMMITTEE_TERMS_TO, 5)
                    : term(BRANCH_TERMS_FROM, BRANCH_TERMS_TO, 3);
            List<String> topRow = organization(
                    top,
                    large ? OrganizationKind.PARTY_COMMITTEE : OrganizationKind.GENERAL_BRANCH,
                    unit,
                    "",
                    topMembers,
                    true,
                    term,
                    community,
                    person());
            organizations.add(topRow);
            organizations.addAll(children);
        }

        private List<String> branchNames(String shortName, int count) {
            List<String> names = new ArrayList<>(count);
            int sections = Math.min(count / 3, SECTIONS.length);
            for (int s = 0; s < sections; s++) {
                names.add(shortName + SECTIONS[s] + "党支部");
            }
            for (int n = 1; names.size() < count; n++) {
                names.add(shortName + "机关第" + number(n) + "党支部");
            }
            return names;
        }

        private int branchMembers() {
            int roll = random.nextInt(100);
            if (roll < 8) {
                return 3 + random.nextInt(4); // 3–6: no 支部委员会
            }
            if (roll < 95) {
                return 7 + random.nextInt(24); // 7–30
            }
            return 31 + random.nextInt(20); // 31–50
        }

        private List<String> branch(String name, OrganizationKind kind, String unit, String parent, int members) {
            LocalDate[] term = random.nextInt(50) == 0
                    ? new LocalDate[2] // newly founded: term not yet entered
                    : term(BRANCH_TERMS_FROM, BRANCH_TERMS_TO, 3);
            return organization(
                    name, kind, unit, parent, members, members >= Organization.COMMITTEE_MIN_MEMBERS, term, "", "");
        }

        private List<String> organization(
                String name,
                OrganizationKind kind,
                String unit,
                String parent,
                int members,
                boolean committee,
                LocalDate[] term,
                String community,
                String contact) {
            boolean top = parent.isEmpty();
            String deputy = kind == OrganizationKind.PARTY_COMMITTEE && members >= 150 ? person() : "";
            return List.of(
                    name,
                    kind.fileName(),
                    unit,
                    parent,
                    person(),
                    deputy,
                    Integer.toString(members),
                    committee ? RegistryColumns.YES : RegistryColumns.NO,
                    text(term[0]),
                    text(term[1]),
                    community,
                    contact,
                    top ? phone() : "",
                    "");
        }

        private LocalDate[] term(LocalDate from, LocalDate to, int years) {
            LocalDate start = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay())));
            return new LocalDate[] {start, start.plusYears(years)};
        }

        private static String text(LocalDate d) {
            return d == null ? "" : d.toString();
        }

        private String person() {
            StringBuilder sb = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
            int given = random.nextInt(3) == 0 ? 1 : 2;
            for (int i = 0; i < given; i++) {
                sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
            }
            return sb.toString();
        }

        private String phone() {
            return "0513-8" + (1_000_000 + random.nextInt(9_000_000));
        }

        private static String number(int n) {
            if (n <= 10) {
                return CHINESE_NUMBERS[n - 1];
            }
            if (n < 20) {
                return "十" + CHINESE_NUMBERS[n - 11];
            }
            return CHINESE_NUMBERS[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : CHINESE_NUMBERS[n % 10 - 1]);
        }
    }
}
