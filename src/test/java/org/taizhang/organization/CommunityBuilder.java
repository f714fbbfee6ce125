package org.taizhang.organization;

import org.taizhang.core.Ids;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Unit;

/** Test data: a 共同体 led by a unit; {@code aCommunity().ledBy(unit).build()}. */
public final class CommunityBuilder {
    private String id = Ids.newId();
    private String name = "经济发展共同体";
    private String leadUnitId;
    private String liaison = "袁兵（工委副书记）";
    private String remark;

    private CommunityBuilder() {}

    public static CommunityBuilder aCommunity() {
        return new CommunityBuilder();
    }

    public CommunityBuilder withId(String value) {
        this.id = value;
        return this;
    }

    public CommunityBuilder named(String value) {
        this.name = value;
        return this;
    }

    public CommunityBuilder ledBy(Unit unit) {
        this.leadUnitId = unit.id();
        return this;
    }

    public CommunityBuilder ledByUnitId(String value) {
        this.leadUnitId = value;
        return this;
    }

    public CommunityBuilder withoutLiaison() {
        this.liaison = null;
        return this;
    }

    public Community build() {
        return new Community(id, name, leadUnitId, liaison, remark);
    }
}
