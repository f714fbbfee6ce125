package org.taizhang.checklist.model;

import java.math.BigDecimal;

/**
 * A rating (等级) reached from {@code minScore} up; {@code needsInnovation}: only with a bonus item scored (e.g.
 * 五星 ≥ 90 with an innovation project). A band below the pass score is a failing one.
 */
public record RatingBand(String name, BigDecimal minScore, boolean needsInnovation) {}
