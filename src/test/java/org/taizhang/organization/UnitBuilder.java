package org.taizhang.organization;

import org.taizhang.core.Ids;
import org.taizhang.organization.model.Unit;

/** Test data: a 单位 with realistic defaults; {@code aUnit().named("江海市财政局").build()}. */
public final class UnitBuilder {
    private String id = Ids.newId();
    private String name = "江海市财政局";
    private String shortName = "市财政局";
    private String contactPerson = "周敏";
    private String contactPhone = "0513-85550101";
    private String remark;
    private int sortOrder = 1;

    private UnitBuilder() {}

    public static UnitBuilder aUnit() {
        return new UnitBuilder();
    }

    public UnitBuilder withId(String value) {
        this.id = value;
        return this;
    }

    public UnitBuilder named(String value) {
        this.name = value;
        return this;
    }

    public UnitBuilder shortName(String value) {
        this.shortName = value;
        return this;
    }

    public UnitBuilder remark(String value) {
        this.remark = value;
        return this;
    }

    public UnitBuilder sortOrder(int value) {
        this.sortOrder = value;
        return this;
    }

    public Unit build() {
        return new Unit(id, name, shortName, contactPerson, contactPhone, remark, sortOrder);
    }
}
