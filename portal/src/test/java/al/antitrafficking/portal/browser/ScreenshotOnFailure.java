package al.antitrafficking.portal.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;

/** Writes a screenshot of the page under target/browser-screenshots/ when a browser test fails. */
final class ScreenshotOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser-screenshots"));
            Path file = dir.resolve(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + ".png");
            Files.write(file, BrowserPortal.get().driver.getScreenshotAs(OutputType.BYTES));
            System.err.println("Browser test failed; screenshot: " + file.toAbsolutePath());
        } catch (Exception e) {
            System.err.println("Could not take a screenshot of the failed browser test: " + e.getMessage());
        }
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        testFailed(context, cause);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
    }
}
