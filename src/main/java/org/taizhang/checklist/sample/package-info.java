/**
 * The sample assessments and 往年结果 of the sample registry: the same on every device (ids from keys), for init --sample and the first start.
 */
package org.taizhang.checklist.sample;
