package th.planflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Planflow's groups and what each may do, created once and kept idempotent. Tasks are granted by the
 * engine to their assignee and candidate groups, so a school sees only the tasks of its own group.
 */
@Component
public class AccessSetup {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccessSetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  AccessSetup(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @EventListener(PostDeployEvent.class)
  @Order(1)
  public void setUp() {
    for (String[] group : Groups.ALL) {
      ensureGroup(group[0], group[1], Groups.ADMIN.equals(group[0]) ? "SYSTEM" : "WORKFLOW");
    }
    for (Resource resource : Resources.values()) {
      grant(Groups.ADMIN, resource, Permissions.ALL);
    }
    for (String[] group : Groups.ALL) {
      grantApplication(group[0], "tasklist");
      grant(group[0], Resources.FILTER, Permissions.READ);
      // Definitions only (names, diagrams, forms); instance data stays behind task and instance grants.
      grant(group[0], Resources.PROCESS_DEFINITION, Permissions.READ);
    }
    // Office staff see names and groups of colleagues (assignees in Tasklist, mail to a group);
    // schools do not see the other schools' accounts.
    for (String staff : new String[] {Groups.PLAN_OFFICER, Groups.PLAN_HEAD, Groups.DIRECTOR, Groups.EXECUTIVE_BOARD,
        Groups.ESA_STAFF}) {
      grant(staff, Resources.USER, Permissions.READ);
      grant(staff, Resources.GROUP, Permissions.READ);
    }
    // The plan officer runs the processes and sees all their work, but completes only the tasks that are
    // theirs (assigned or offered to plan-officer): an approval of the head or the director stays theirs.
    // So no UPDATE_TASK / TASK_WORK / TASK_ASSIGN here, neither on tasks nor on definitions.
    grantApplication(Groups.PLAN_OFFICER, "cockpit");
    grant(Groups.PLAN_OFFICER, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.CREATE_INSTANCE,
        Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
    grant(Groups.PLAN_OFFICER, Resources.PROCESS_INSTANCE, Permissions.CREATE, Permissions.READ);
    grant(Groups.PLAN_OFFICER, Resources.TASK, Permissions.READ);
    grant(Groups.PLAN_OFFICER, Resources.HISTORIC_TASK, org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
    grant(Groups.PLAN_OFFICER, Resources.HISTORIC_PROCESS_INSTANCE,
        org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
    grant(Groups.PLAN_OFFICER, Resources.DEPLOYMENT, Permissions.READ);
    grant(Groups.PLAN_OFFICER, Resources.DECISION_DEFINITION, Permissions.READ);
    // The head and the director watch every process in Cockpit, read-only: they decide only the approvals
    // offered to their own group (the engine's grant to a task's candidate group), nothing administrative.
    for (String supervisor : new String[] {Groups.PLAN_HEAD, Groups.DIRECTOR}) {
      grantApplication(supervisor, "cockpit");
      grant(supervisor, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
          Permissions.READ_TASK);
      grant(supervisor, Resources.PROCESS_INSTANCE, Permissions.READ);
      grant(supervisor, Resources.TASK, Permissions.READ);
      grant(supervisor, Resources.HISTORIC_TASK, org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
      grant(supervisor, Resources.HISTORIC_PROCESS_INSTANCE,
          org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
    }
    warnAboutRevokes();
  }

  /**
   * Planflow grants only, so the engine skips revoke lookups (authorization-check-revokes: never). A REVOKE
   * made by hand in Camunda Admin would then be ignored silently; say so loudly instead.
   */
  private void warnAboutRevokes() {
    long revokes = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      LOG.warn("{} REVOKE authorization(s) found: Planflow runs with authorization-check-revokes=never, so they"
          + " have no effect. Remove them and take the grant away instead.", revokes);
    }
  }

  public void ensureGroup(String id, String thaiName, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(thaiName);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void grantApplication(String group, String application) {
    grant(group, Resources.APPLICATION, application, Permissions.ACCESS);
  }

  private void grant(String group, Resource resource, Permission... permissions) {
    grant(group, resource, Authorization.ANY, permissions);
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .list().stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    // exactly these permissions: a wider grant of an earlier version is narrowed at the next start
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }
}
