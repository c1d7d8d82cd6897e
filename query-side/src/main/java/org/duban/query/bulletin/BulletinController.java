package org.duban.query.bulletin;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.duban.api.actor.Role;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.platform.department.Department;
import org.duban.platform.department.DepartmentDirectory;
import org.duban.platform.security.CurrentActor;
import org.duban.query.bulletin.BulletinViewRepository.BulletinRow;
import org.duban.query.web.ReadYourWrites;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Bulletins for everyone signed in: published ones for all, drafts only for the roles that
 * prepare or oversee them (a draft shown to a department would be a leak). The same path with
 * {@code Accept: application/pdf} gives the published notice as a PDF.
 */
@RestController
@RequestMapping("/api/bulletins")
public class BulletinController {
    private final BulletinViewRepository bulletins;
    private final DepartmentDirectory departments;
    private final BulletinPdf pdf;
    private final ReadYourWrites readYourWrites;

    BulletinController(BulletinViewRepository bulletins, DepartmentDirectory departments, BulletinPdf pdf,
                       ReadYourWrites readYourWrites) {
        this.bulletins = bulletins;
        this.departments = departments;
        this.pdf = pdf;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping
    public List<BulletinSummary> list(@RequestParam(required = false)
                               @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month like 2026-10") String period) {
        return bulletins.list(period, !mayReadDrafts()).stream()
                .map(b -> new BulletinSummary(b.id(), b.title(), b.period(), BulletinNumber.of(b.period()), b.status(),
                        b.entryCount(), b.draftedAt(), b.publishedAt(), b.version()))
                .toList();
    }

    @GetMapping(value = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public BulletinDetail detail(@PathVariable String id, @RequestParam(required = false) @Min(0) Long minVersion) {
        return detailOf(id, minVersion);
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> notice(@PathVariable String id, @RequestParam(required = false) @Min(0) Long minVersion) {
        BulletinDetail bulletin = detailOf(id, minVersion);
        if (!"PUBLISHED".equals(bulletin.status())) {
            throw new DomainRefusal(ErrorCode.BULLETIN_NOT_PUBLISHED, "Bulletin " + id + " is a draft; only a published bulletin is a notice.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename(bulletin.number() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf.render(bulletin));
    }

    private BulletinDetail detailOf(String id, Long minVersion) {
        readYourWrites.await(minVersion, () -> bulletins.version(id));
        BulletinRow b = bulletins.find(id).filter(row -> row.isPublished() || mayReadDrafts())
                .orElseThrow(() -> new DomainRefusal(ErrorCode.NOT_FOUND, "No such bulletin: " + id + "."));
        List<BulletinDetail.Entry> entries = bulletins.entries(id).stream()
                .map(e -> new BulletinDetail.Entry(e.entryId(), e.issueId(), e.issueTitle(), e.kind(), e.department(),
                        e.department() == null ? null : departments.find(e.department()).map(Department::name).orElse(e.department()),
                        e.text()))
                .toList();
        return new BulletinDetail(b.id(), b.title(), b.period(), BulletinNumber.of(b.period()), b.status(), b.draftedAt(),
                b.publishedAt(), b.version(), entries);
    }

    private static boolean mayReadDrafts() {
        Role role = CurrentActor.require().role();
        return role == Role.COMMITTEE || role == Role.INSPECTOR || role == Role.AUDITOR || role == Role.ADMIN;
    }
}
