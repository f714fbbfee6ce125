/**
 * 操作员 (issue 22, decisions/0018): the people who work on this installation, each with a role (管理员, 经办人,
 * 只读), the 核查人 permission and an optional password kept as a salted slow hash. {@link
 * org.taizhang.operator.OperatorService} manages them and signs one in; the store then names every change after the
 * operator and refuses what the role does not allow ({@code core.store.Actor}).
 */
package org.taizhang.operator;
