package th.planflow.policy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the REST APIs as a demo user, the way Tasklist and the planner's tools do. */
record PolicyApi(TestRestTemplate http) {

  ResponseEntity<Map> send(HttpMethod method, String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(json, headers), Map.class);
  }

  ResponseEntity<Map> post(String user, String path, String json) {
    return send(HttpMethod.POST, user, path, json);
  }

  ResponseEntity<Map> put(String user, String path, String json) {
    return send(HttpMethod.PUT, user, path, json);
  }

  Map<String, Object> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForObject(path, Map.class);
  }

  /** Runs a round's batch jobs as the job executor would; returns how many ran. */
  static int runJobs(ManagementService management, String processInstanceId) {
    int ran = 0;
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list()).isEmpty()) {
      for (Job job : jobs) {
        management.executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }

  /** Tasklist's way of completing a task with a Camunda Form. */
  ResponseEntity<Map> submitForm(String user, String taskId, String variablesJson) {
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": " + variablesJson + "}");
  }
}
