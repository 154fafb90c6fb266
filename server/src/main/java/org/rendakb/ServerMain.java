package org.rendakb;

public final class ServerMain {
  public static void main(String[] args) {
    System.out.println("server");
  }
}
