/**
 * 组织台账, the registry: units (单位), Party organizations as a tree (机关党委 / 党总支 / 党支部 / 联合支部) and
 * 共同体 communities; the rules clerks get wrong; import and export of the registry workbook; the registry view.
 */
package org.taizhang.organization;
