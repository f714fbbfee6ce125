package org.taizhang.checklist;

import static org.taizhang.checklist.model.CheckMethod.DOCUMENTS;
import static org.taizhang.checklist.model.CheckMethod.INTERVIEW;
import static org.taizhang.checklist.model.CheckMethod.RECORDS;
import static org.taizhang.checklist.model.CheckMethod.REPORT;
import static org.taizhang.checklist.model.CheckMethod.SITE;
import static org.taizhang.checklist.model.ScoringMode.DEDUCTION;
import static org.taizhang.checklist.model.ScoringMode.GRADED;
import static org.taizhang.checklist.model.ScoringMode.YES_NO;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.taizhang.checklist.model.CheckMethod;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.Ids;
import org.taizhang.organization.model.OrganizationKind;

/**
 * The templates shipped with the program, as a clerk would start from them (../shared/DOMAIN.md): the
 * 100-point “四化” branch standard in 6 categories, and a “六有” site standard. Ids and item keys are fixed
 * (derived from names), so two devices that load them hold the same templates. They are drafts for the clerk
 * to adapt and publish; the city's own wording is data, not code.
 */
public final class BuiltInTemplates {
    private BuiltInTemplates() {}

    public static final String STANDARD_NAME = "党支部标准化规范化建设考核细则";
    public static final String SITE_NAME = "党员活动阵地“六有”标准";

    public static List<ChecklistTemplate> all(int year) {
        return List.of(standard(year), site(year));
    }

    /** 四化 branch standard: A 组织建设 15, B 组织生活 30, C 党员教育管理 20, D 阵地保障 15, E 制度台账 10, F 作用发挥 10. */
    public static ChecklistTemplate standard(int year) {
        Builder b = new Builder("std");
        b.category("A", "组织建设", 15);
        b.item("A1", "按党员人数设置党组织（3人以上设支部，7人以上设支部委员会）", 2, YES_NO, DOCUMENTS);
        b.item("A2", "支部委员配备齐全，分工明确", 2, YES_NO, DOCUMENTS, INTERVIEW);
        b.veto("A3", "按期换届（超期一年以上一票否决）", 3, DOCUMENTS);
        b.item("A4", "委员出缺3个月内及时增补", 2, YES_NO, DOCUMENTS);
        b.item("A5", "配备党务干部", 2, YES_NO, DOCUMENTS, REPORT);
        b.item("A6", "党小组设置合理", 2, YES_NO, DOCUMENTS).only(OrganizationKind.BRANCH);
        b.item("A7", "制定年度党建工作计划", 2, GRADED, DOCUMENTS);
        b.category("B", "组织生活", 30);
        b.deduct("B1", "党员大会每季度至少召开1次", 4, "1", RECORDS);
        b.deduct("B2", "支委会每月召开1次", 4, "0.5", RECORDS);
        b.deduct("B3", "党小组会每月召开1次", 3, "0.5", RECORDS);
        b.item("B4", "支部书记每年至少讲1次党课", 3, YES_NO, RECORDS, INTERVIEW);
        b.deduct("B5", "每月固定1天开展主题党日", 4, "0.5", RECORDS, SITE);
        b.item("B6", "每年至少召开1次组织生活会", 3, YES_NO, RECORDS);
        b.item("B7", "开展民主评议党员", 3, YES_NO, RECORDS);
        b.item("B8", "开展谈心谈话", 2, GRADED, RECORDS, INTERVIEW);
        b.item("B9", "领导干部参加双重组织生活", 2, YES_NO, RECORDS);
        b.deduct("B10", "会议记录完整规范（每缺1次扣0.2分）", 2, "0.2", RECORDS);
        b.category("C", "党员教育管理", 20);
        b.item("C1", "制定并落实党员学习计划", 2, GRADED, DOCUMENTS);
        b.item("C2", "发展党员程序规范", 3, GRADED, DOCUMENTS);
        b.item("C3", "预备党员按期转正", 2, YES_NO, DOCUMENTS);
        b.deduct("C4", "党费按月收缴、按时上缴（每迟缴1月扣0.5分）", 3, "0.5", RECORDS);
        b.item("C5", "组织关系转接及时", 2, YES_NO, RECORDS);
        b.item("C6", "稳妥处置不合格党员", 2, GRADED, DOCUMENTS, REPORT);
        b.deduct("C7", "党员信息准确完整（每错1处扣0.5分）", 3, "0.5", DOCUMENTS);
        b.item("C8", "组织党员参加志愿服务", 3, GRADED, RECORDS);
        b.category("D", "阵地保障", 15);
        b.item("D1", "有不少于20平方米的党员活动室", 4, YES_NO, SITE);
        b.item("D2", "党旗、入党誓词等上墙规范", 3, GRADED, SITE);
        b.item("D3", "党建档案盒规范齐全", 2, YES_NO, SITE, DOCUMENTS);
        b.item("D4", "设置党务公开栏", 2, YES_NO, SITE);
        b.item("D5", "活动经费有保障", 2, YES_NO, DOCUMENTS);
        b.item("D6", "建有网上党建阵地", 2, GRADED, SITE);
        b.category("E", "制度台账", 10);
        b.item("E1", "党建工作制度健全", 2, GRADED, DOCUMENTS);
        b.item("E2", "规范使用党支部工作手册", 2, YES_NO, DOCUMENTS);
        b.item("E3", "文件资料及时归档", 2, GRADED, DOCUMENTS);
        b.item("E4", "有半年及年终工作总结", 2, YES_NO, DOCUMENTS);
        b.item("E5", "党务公开及时规范", 2, YES_NO, SITE, DOCUMENTS);
        b.category("F", "作用发挥", 10);
        b.item("F1", "党建与业务深度融合", 3, GRADED, REPORT, INTERVIEW);
        b.item("F2", "设立党员示范岗", 2, YES_NO, SITE);
        b.item("F3", "群众满意度测评", 2, GRADED, INTERVIEW);
        b.item("F4", "上年度检查发现的问题全部整改到位", 3, YES_NO, DOCUMENTS);
        b.bonus("F5", "党建创新项目（加分项，1至5分）", 5, DOCUMENTS, REPORT);
        List<RatingBand> bands = List.of(
                new RatingBand("五星", new BigDecimal("90"), true),
                new RatingBand("四星", new BigDecimal("80"), false),
                new RatingBand("三星", new BigDecimal("70"), false),
                new RatingBand("二星", new BigDecimal("60"), false),
                new RatingBand("一星", BigDecimal.ZERO, false));
        return b.template(STANDARD_NAME, year, "60", bands, "5");
    }

    /** 六有: 有人管、有阵地、有经费、有载体、有活动、有氛围 (seed 002), 100 points. */
    public static ChecklistTemplate site(int year) {
        Builder b = new Builder("site");
        b.category("A", "有人管", 15);
        b.item("A1", "明确阵地管理责任人", 8, YES_NO, DOCUMENTS);
        b.item("A2", "管理制度上墙", 7, YES_NO, SITE);
        b.category("B", "有阵地", 20);
        b.item("B1", "有固定的党员活动场所", 10, YES_NO, SITE);
        b.item("B2", "桌椅、音像等设施齐全", 10, GRADED, SITE);
        b.category("C", "有经费", 15);
        b.item("C1", "活动经费纳入预算", 8, YES_NO, DOCUMENTS);
        b.item("C2", "经费使用规范", 7, GRADED, DOCUMENTS);
        b.category("D", "有载体", 15);
        b.item("D1", "有党建品牌或特色载体", 8, GRADED, REPORT);
        b.item("D2", "有网上阵地", 7, YES_NO, SITE);
        b.category("E", "有活动", 20);
        b.deduct("E1", "按月开展主题党日活动", 10, "1", RECORDS);
        b.item("E2", "活动记录完整", 10, GRADED, RECORDS);
        b.category("F", "有氛围", 15);
        b.item("F1", "党旗、党徽、入党誓词上墙", 8, YES_NO, SITE);
        b.item("F2", "设有学习园地", 7, GRADED, SITE);
        List<RatingBand> bands = List.of(
                new RatingBand("优秀", new BigDecimal("90"), false),
                new RatingBand("达标", new BigDecimal("60"), false),
                new RatingBand("不达标", BigDecimal.ZERO, false));
        return b.template(SITE_NAME, year, "60", bands, "0");
    }

    /** Writes the templates compactly; keys are "<template>-<number>", fixed for good. */
    private static final class Builder {
        private final String prefix;
        private final List<ChecklistCategory> categories = new ArrayList<>();
        private String code;
        private String name;
        private int points;
        private final List<ChecklistItem> items = new ArrayList<>();

        Builder(String prefix) {
            this.prefix = prefix;
        }

        void category(String code, String name, int points) {
            flush();
            this.code = code;
            this.name = name;
            this.points = points;
        }

        private void flush() {
            if (code != null) {
                categories.add(new ChecklistCategory(
                        prefix + "-" + code, code, name, BigDecimal.valueOf(points), List.copyOf(items)));
                items.clear();
            }
        }

        Builder item(String number, String text, int max, ScoringMode mode, CheckMethod... methods) {
            items.add(new ChecklistItem(
                    prefix + "-" + number,
                    number,
                    text,
                    BigDecimal.valueOf(max),
                    mode,
                    null,
                    null,
                    false,
                    Set.of(methods),
                    false,
                    false,
                    Set.of(),
                    List.of()));
            return this;
        }

        void only(OrganizationKind kind) {
            ChecklistItem i = items.removeLast();
            items.add(new ChecklistItem(
                    i.key(),
                    i.number(),
                    i.text(),
                    i.maxPoints(),
                    i.mode(),
                    i.deduction(),
                    i.floor(),
                    i.evidenceRequired(),
                    i.methods(),
                    i.veto(),
                    i.bonus(),
                    Set.of(kind),
                    i.replaces()));
        }

        void veto(String number, String text, int max, CheckMethod... methods) {
            items.add(new ChecklistItem(
                    prefix + "-" + number,
                    number,
                    text,
                    BigDecimal.valueOf(max),
                    YES_NO,
                    null,
                    null,
                    true,
                    Set.of(methods),
                    true,
                    false,
                    Set.of(),
                    List.of()));
        }

        void deduct(String number, String text, int max, String perOccurrence, CheckMethod... methods) {
            items.add(new ChecklistItem(
                    prefix + "-" + number,
                    number,
                    text,
                    BigDecimal.valueOf(max),
                    DEDUCTION,
                    new BigDecimal(perOccurrence),
                    BigDecimal.ZERO,
                    true,
                    Set.of(methods),
                    false,
                    false,
                    Set.of(),
                    List.of()));
        }

        void bonus(String number, String text, int max, CheckMethod... methods) {
            items.add(new ChecklistItem(
                    prefix + "-" + number,
                    number,
                    text,
                    BigDecimal.valueOf(max),
                    GRADED,
                    null,
                    null,
                    true,
                    Set.of(methods),
                    false,
                    true,
                    Set.of(),
                    List.of()));
        }

        ChecklistTemplate template(String templateName, int year, String pass, List<RatingBand> bands, String cap) {
            flush();
            return new ChecklistTemplate(
                    Ids.forKey("checklist_template", templateName, "1"),
                    templateName,
                    1,
                    year,
                    ChecklistTemplate.Status.DRAFT,
                    categories,
                    new BigDecimal(pass),
                    bands,
                    new BigDecimal(cap),
                    NotApplicablePolicy.RESCALE);
        }
    }
}
