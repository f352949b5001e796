package uk.jointinspections.operations;

import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in a cluster ({@code inspection.node-name}, default the container's HOSTNAME): the job log's
 * host name (Cockpit shows it for every job run, so an operator sees which node ran or failed a job) and the prefix of
 * the job executor's lock owner (in ACT_RU_JOB, so the jobs a dead node still holds are recognisable until their
 * lock expires). The lock owner keeps a random suffix because two nodes sharing it would each release the other's
 * locks.
 */
@Component
public class NodeIdentity extends AbstractProcessEnginePlugin {

  private final String name;
  private final String lockOwner;

  public NodeIdentity(@Value("${inspection.node-name:}") String name) {
    this.name = name == null || name.isBlank() ? null : name.trim();
    this.lockOwner = (this.name == null ? "node" : this.name) + ":" + UUID.randomUUID();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (name != null) {
      configuration.setHostname(name);
    }
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(lockOwner);
    }
  }

  public String lockOwner() {
    return lockOwner;
  }
}
