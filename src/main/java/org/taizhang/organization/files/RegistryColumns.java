package org.taizhang.organization.files;

import java.util.List;
import org.taizhang.core.files.StreamingWorkbook;

/**
 * The registry workbook's sheets and column headers (the file format, always Chinese: clerks exchange these
 * files whatever language the program shows). The same names key the rules' issues to form fields.
 */
public final class RegistryColumns {
    private RegistryColumns() {}

    public static final String UNITS_SHEET = "单位";
    public static final String COMMUNITIES_SHEET = "共同体";
    public static final String ORGANIZATIONS_SHEET = "党组织";

    public static final String UNIT_NAME = "单位名称";
    public static final String UNIT_SHORT_NAME = "简称";
    public static final String CONTACT_PERSON = "联系人";
    public static final String CONTACT_PHONE = "联系电话";
    public static final String REMARK = "备注";

    public static final String COMMUNITY_NAME = "共同体名称";
    public static final String COMMUNITY_LEAD_UNIT = "牵头单位";
    public static final String COMMUNITY_LIAISON = "联系工委委员";

    public static final String ORG_NAME = "组织名称";
    public static final String ORG_KIND = "组织类别";
    public static final String ORG_UNIT = "所属单位";
    public static final String ORG_PARENT = "上级组织";
    public static final String ORG_SECRETARY = "书记";
    public static final String ORG_DEPUTY = "专职副书记";
    public static final String ORG_MEMBERS = "党员人数";
    public static final String ORG_COMMITTEE = "设支部委员会";
    public static final String ORG_TERM_START = "任期开始";
    public static final String ORG_TERM_END = "任期届满";
    public static final String ORG_COMMUNITY = "所属共同体";

    public static final List<String> UNIT_HEADERS =
            List.of(UNIT_NAME, UNIT_SHORT_NAME, CONTACT_PERSON, CONTACT_PHONE, REMARK);
    public static final List<String> COMMUNITY_HEADERS =
            List.of(COMMUNITY_NAME, COMMUNITY_LEAD_UNIT, COMMUNITY_LIAISON, REMARK);
    public static final List<String> ORGANIZATION_HEADERS = List.of(
            ORG_NAME,
            ORG_KIND,
            ORG_UNIT,
            ORG_PARENT,
            ORG_SECRETARY,
            ORG_DEPUTY,
            ORG_MEMBERS,
            ORG_COMMITTEE,
            ORG_TERM_START,
            ORG_TERM_END,
            ORG_COMMUNITY,
            CONTACT_PERSON,
            CONTACT_PHONE,
            REMARK);

    /** Columns a sheet cannot do without. */
    public static final List<String> UNIT_REQUIRED = List.of(UNIT_NAME);

    public static final List<String> COMMUNITY_REQUIRED = List.of(COMMUNITY_NAME);
    public static final List<String> ORGANIZATION_REQUIRED = List.of(ORG_NAME, ORG_KIND, ORG_UNIT);

    public static final String YES = StreamingWorkbook.YES;
    public static final String NO = StreamingWorkbook.NO;
}
