package org.gonghui.roster;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.gonghui.security.Roles;
import org.gonghui.support.LimitExceededException;
import org.gonghui.support.RateLimited;

/**
 * {@code POST /imports/roster}: an official uploads a CSV roster for one grassroots union and gets a
 * job id at once (202); the job is processed in the background and polled with GraphQL
 * ({@code rosterImport(id)}). The body is the file itself, not a multipart form.
 */
@Path("/imports/roster")
public class RosterImportResource {

    static final String PATH = "/imports/roster";

    @Inject
    RosterImportService imports;

    @Inject
    RosterImportWorker worker;

    @Inject
    RosterConfig config;

    @POST
    @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.OFFICIAL)
    @RateLimited
    public Response upload(@QueryParam("unionId") String unionId, @QueryParam("dryRun") String dryRun, @QueryParam("partial") String partial,
            @QueryParam("charset") String charset, @HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(config.maxBytes() + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > config.maxBytes()) {
            throw tooLarge(config);
        }
        RosterImportService.Queued job = imports.upload(new RosterImportService.Request(unionId, dryRun, partial, charset, idempotencyKey, bytes));
        if (!job.replayed()) {
            worker.start();
        }
        String id = Long.toString(job.id());
        return Response.accepted(Json.createObjectBuilder().add("id", id).add("state", job.state().name())
                .add("poll", "query { rosterImport(id: \"" + id + "\") { state totalRows processedRows validRows failedRows writtenRows message } }")
                .build().toString())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Idempotent-Replayed", Boolean.toString(job.replayed()))
                .build();
    }

    static LimitExceededException tooLarge(RosterConfig config) {
        return new LimitExceededException("body: 文件过大 — at most " + config.maxBytes() + " bytes (gonghui.roster.max-bytes); split the roster");
    }
}
