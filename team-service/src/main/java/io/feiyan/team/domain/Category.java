package io.feiyan.team.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A service category of the county (education, culture, medical care, ...), which projects belong to. */
@Entity
public class Category extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
}
