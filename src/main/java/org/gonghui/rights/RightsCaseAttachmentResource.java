package org.gonghui.rights;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.gonghui.security.Roles;
import org.gonghui.support.RateLimited;
import org.gonghui.support.StrictInputs;

/**
 * Attachments of a rights case over REST (the body is the file itself, as for the roster upload):
 * {@code POST /rights-cases/{id}/attachments} adds one (201, or 200 when the same file is already
 * attached), {@code GET /rights-cases/{id}/attachments} lists them, {@code GET
 * /rights-cases/{id}/attachments/{attachmentId}} downloads one as a file that browsers neither display
 * inline nor run. Who may do what: {@link RightsCaseAttachmentService}.
 */
@Path(RightsCaseAttachmentResource.PATH)
public class RightsCaseAttachmentResource {

    static final String PATH = "/rights-cases";
    /** The sandbox a downloaded file gets should a browser display it anyway: no script, no plug-in, no request. */
    static final String SANDBOX = "sandbox; default-src 'none'";

    @Inject
    RightsCaseAttachmentService attachments;

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.MEMBER, Roles.OFFICIAL })
    @RateLimited
    public Response upload(@PathParam("id") String id, InputStream body) throws IOException {
        long caseId = StrictInputs.id("id", id);
        RightsCaseAttachmentService.Added added = attachments.upload(caseId, body);
        RightsCaseAttachment a = added.attachment();
        return Response.status(added.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create(a.downloadPath))
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(json(a).toString())
                .build();
    }

    @GET
    @Path("{id}/attachments")
    @RolesAllowed({ Roles.MEMBER, Roles.OFFICIAL })
    public Response list(@PathParam("id") String id) {
        List<RightsCaseAttachment> list = attachments.list(StrictInputs.id("id", id));
        JsonArrayBuilder array = Json.createArrayBuilder();
        list.forEach(a -> array.add(json(a)));
        return Response.ok(Json.createObjectBuilder().add("attachments", array).build().toString())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @RolesAllowed({ Roles.MEMBER, Roles.OFFICIAL })
    public Response download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId, @QueryParam("reason") String reason) {
        long caseId = StrictInputs.id("id", id);
        long attachment = StrictInputs.id("attachmentId", attachmentId);
        RightsCaseAttachmentService.Download file = attachments.download(caseId, attachment, reason);
        return Response.ok(file.content())
                .type(file.kind().mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header("Cache-Control", "no-store")
                .build();
    }

    private static JsonObject json(RightsCaseAttachment a) {
        return Json.createObjectBuilder().add("id", Long.toString(a.id)).add("caseId", Long.toString(a.caseId)).add("contentType", a.contentType)
                .add("sizeBytes", a.sizeBytes).add("uploadedAt", a.uploadedAt.toString()).add("uploadedByWorker", a.uploadedByWorker)
                .add("downloadPath", a.downloadPath).build();
    }
}
