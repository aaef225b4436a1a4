package io.contentfactory.gateway.api;

import io.contentfactory.gateway.domain.Project;
import io.contentfactory.gateway.service.ProjectService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The operator's API for tenants. Keys and the public /v1 routes come with the gateway issue. */
@Path("/admin/projects")
public class ProjectAdminResource {

    private final ProjectService projects;
    private final OperatorAuth operator;

    ProjectAdminResource(ProjectService projects, OperatorAuth operator) {
        this.projects = projects;
        this.operator = operator;
    }

    @POST
    public Uni<Response> create(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Valid @NotNull CreateProject request) {
        operator.require(authorization);
        return projects.create(request.name(), request.slug(), request.timeZone())
                .map(project -> Response.created(URI.create("/admin/projects/" + project.id))
                        .entity(ProjectView.of(project))
                        .build());
    }

    @GET
    public Uni<List<ProjectView>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        operator.require(authorization);
        return projects.list().map(all -> all.stream().map(ProjectView::of).toList());
    }

    public record CreateProject(@NotBlank @Size(max = 120) String name, String slug, String timeZone) {}

    public record ProjectView(UUID id, String slug, String name, String timeZone, Instant createdAt) {
        static ProjectView of(Project project) {
            return new ProjectView(project.id, project.slug, project.name, project.timeZone, project.createdAt);
        }
    }
}
