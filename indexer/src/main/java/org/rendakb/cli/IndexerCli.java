package org.rendakb.cli;

public final class IndexerCli {
  public static void main(String[] args) {
    System.out.println("indexer");
  }
}
