package dev.taskbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.form.FormFields;
import dev.taskbench.form.FormParser;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed's random forms: two seeded lists, a pick per user and request that every stack gets alike, bodies that decode to them. */
class SeedFormsTest {

    @Test
    void theListsAreSeededWordsOfTheirLengths() {
        assertEquals(SeedForms.LIST_SIZE, SeedForms.TITLES.size());
        assertEquals(SeedForms.LIST_SIZE, SeedForms.DESCRIPTIONS.size());
        for (String t : SeedForms.TITLES) {
            int words = t.split(" ").length;
            assertTrue(t.matches("[a-z]+( [a-z]+)*") && words >= SeedForms.TITLE_WORDS_MIN
                    && words <= SeedForms.TITLE_WORDS_MAX, t);
        }
        for (String d : SeedForms.DESCRIPTIONS) {
            int words = d.split(" ").length;
            assertTrue(d.matches("[a-z]+( [a-z]+)*") && words >= SeedForms.DESCRIPTION_WORDS_MIN
                    && words <= SeedForms.DESCRIPTION_WORDS_MAX, d);
        }
    }

    /** The same user and request number get the same picks whatever the round; the picks vary over requests. */
    @Test
    void everyStackGetsTheSameSequence() {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SeedForms.Form a = SeedForms.form("cold-node-1", 3, i);
            SeedForms.Form b = SeedForms.form("warm-django-1-2", 3, i);
            assertEquals(a.title(), b.title());
            assertEquals(a.description(), b.description());
            pairs.add(a.title() + "|" + a.description());
        }
        assertTrue(pairs.size() > 150, "picks repeat too often: " + pairs.size());
        assertNotEquals(SeedForms.form("m", 0, 0).title() + SeedForms.form("m", 0, 0).description(),
                SeedForms.form("m", 1, 0).title() + SeedForms.form("m", 1, 0).description());
    }

    @Test
    void aBodyDecodesToTheStoredTitleAndDescription() {
        SeedForms.Form f = SeedForms.form("grid-selector-0-10-12345", 9, 999);
        FormFields fields = new FormParser().parse(f.body());
        assertEquals(f.storedTitle(), fields.first("title"));
        assertEquals(f.description(), fields.first("description"));
        assertTrue(f.storedTitle().endsWith(" grid-selector-0-10-12345-9-999"), f.storedTitle());
        assertTrue(f.storedTitle().length() <= 255, "the table's title is varchar(255)");
    }

    @Test
    void aStoredTitleNamesTheFormItWasPostedWith() {
        SeedForms.Form f = SeedForms.form("warm-pypy-2-77", 4, 12);
        assertEquals(f, SeedForms.posted("warm-pypy-2-77", f.storedTitle()));
        assertNull(SeedForms.posted("cold-pypy-2-77", f.storedTitle()));
        assertNull(SeedForms.posted("warm-pypy-2-77", "no tag here"));
        assertNull(SeedForms.posted("m", "title m-x-y"));
    }
}
