/** The registry window: tree + table + form for organizations, tables and forms for units and communities. */
package org.taizhang.organization.view;
