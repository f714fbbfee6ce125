package org.taizhang.checklist;

import java.nio.file.Files;
import java.nio.file.Path;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.checklist.sample.SampleResults;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;

/**
 * Writes the checklist files of sample-data/: past-results.xlsx (the sample's two earlier years,
 * {@link SampleResults}, as {@code taizhang assessments import-results} reads them) and the built-in templates
 * as workbooks a clerk starts from (template-standard.xlsx, template-site.xlsx, as {@code taizhang templates
 * import} reads them). The files are committed; run this when the sample or the templates change
 * ({@code SampleResultsTest} and {@code TemplateWorkbookTest} check that they still match):
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.taizhang.checklist.SampleDataFiles
 * [YEAR]} (YEAR: the sample's current year, default 2026).
 */
public final class SampleDataFiles {
    public static final String STANDARD_FILE = "template-standard.xlsx";
    public static final String SITE_FILE = "template-site.xlsx";

    private SampleDataFiles() {}

    public static void main(String[] args) throws Exception {
        int year = args.length > 0 ? Integer.parseInt(args[0]) : 2026;
        Path dir = Files.createTempDirectory("taizhang-sample");
        try (Store store = Store.openOrCreate(dir.resolve("taizhang.db"))) {
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            ChecklistService checklists = new ChecklistService(store, registry);
            checklists.importSample(year);
            int rows = new ChecklistFiles(checklists)
                    .exportResults(year - 2, year - 1, Path.of("sample-data", SampleResults.SOURCE_FILE));
            System.out.println(rows + " results written to sample-data/" + SampleResults.SOURCE_FILE);
            new ChecklistFiles(checklists)
                    .exportTemplate(BuiltInTemplates.standard(year).id(), Path.of("sample-data", STANDARD_FILE));
            new ChecklistFiles(checklists)
                    .exportTemplate(BuiltInTemplates.site(year).id(), Path.of("sample-data", SITE_FILE));
            System.out.println("templates written to sample-data/" + STANDARD_FILE + " and " + SITE_FILE);
        }
    }
}
