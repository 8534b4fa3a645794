package dev.taskbench.write;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * {@code task} for Hibernate with a pooled SEQUENCE id (the tuned default): the identity's own
 * sequence, {@code allocationSize} = its INCREMENT BY, so one {@code nextval} per 50 rows and
 * inserts can be batched. Hibernate checks the increment against the database at boot
 * ({@code hibernate.id.sequence.increment_size_mismatch_strategy}, EXCEPTION by default).
 */
@Entity(name = "SequenceTask")
@Table(name = TaskSchema.TABLE)
public class SequenceTask {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_seq")
    @SequenceGenerator(name = "task_seq", sequenceName = TaskSchema.SEQUENCE, allocationSize = TaskSchema.ID_INCREMENT)
    private Long id;

    @Column(name = "title", nullable = false, length = 255)
    private String title;

    @Column(name = "description", nullable = false)
    private String description;

    protected SequenceTask() {
    }

    public SequenceTask(Task t) {
        this.title = t.title();
        this.description = t.description();
    }

    public Long getId() {
        return id;
    }
}
