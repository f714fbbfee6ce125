/** The program: entry point, the JavaFX application, and the composition root that wires features together. */
package org.taizhang.app;
