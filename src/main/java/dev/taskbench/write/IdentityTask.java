package dev.taskbench.write;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * {@code task} for Hibernate with an IDENTITY id (the naive default): the id exists only after
 * the INSERT, so Hibernate inserts at {@code persist} time, one statement with
 * {@code RETURNING id} per row, and never batches.
 */
@Entity(name = "IdentityTask")
@Table(name = TaskSchema.TABLE)
public class IdentityTask {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "title", nullable = false, length = 255)
    private String title;

    @Column(name = "description", nullable = false)
    private String description;

    protected IdentityTask() {
    }

    public IdentityTask(Task t) {
        this.title = t.title();
        this.description = t.description();
    }

    public Long getId() {
        return id;
    }
}
